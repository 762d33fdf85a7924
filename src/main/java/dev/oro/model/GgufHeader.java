package dev.oro.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The little Oro reads from a GGUF file before handing it to llama.cpp: whether it is a GGUF at
 * all, its architecture and the context length it was trained for. Checking in Java first turns
 * "could not load model", all llama.cpp says when its log is off, into a message a user can act on.
 *
 * @param contextLength the trained context ({@code <architecture>.context_length}), or null
 */
public record GgufHeader(int version, String architecture, Integer contextLength) {

    private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    private static final int STRING = 8;
    private static final int ARRAY = 9;

    /** Reads the header and the metadata up to the two keys Oro needs; large arrays such as the vocabulary are skipped. */
    public static GgufHeader read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || le32(magic) != MAGIC) {
                throw ModelException.fatal(file + " is not a GGUF model file (it starts with '" + printable(magic)
                        + "'); llama-cpp profiles need a .gguf file, such as the Q4_K_M files on Hugging Face");
            }
            int version = u32(in);
            if (version < 2 || version > 3) {
                throw ModelException.fatal(file + " is GGUF version " + version + "; the bundled llama.cpp reads versions 2 and 3");
            }
            u64(in); // tensor count
            long keys = u64(in);
            String architecture = null;
            Integer context = null;
            for (long i = 0; i < keys && (architecture == null || context == null); i++) {
                String key = string(in);
                int type = u32(in);
                if (key.equals("general.architecture") && type == STRING) {
                    architecture = string(in);
                } else if (architecture != null && key.equals(architecture + ".context_length") && type != ARRAY) {
                    context = (int) Math.min(Integer.MAX_VALUE, number(in, type));
                } else {
                    skip(in, type);
                }
            }
            return new GgufHeader(version, architecture, context);
        } catch (EOFException e) {
            throw ModelException.fatal(file + " ends inside its GGUF header: the file is truncated; download it again");
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), false, null, null, e);
        }
    }

    private static void skip(DataInputStream in, int type) throws IOException {
        if (type == STRING) {
            in.skipNBytes(u64(in));
        } else if (type == ARRAY) {
            int elementType = u32(in);
            long count = u64(in);
            for (long i = 0; i < count; i++) {
                skip(in, elementType);
            }
        } else {
            in.skipNBytes(width(type));
        }
    }

    private static long number(DataInputStream in, int type) throws IOException {
        byte[] b = in.readNBytes(width(type));
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** Bytes of a scalar GGUF type: uint8, int8, uint16, int16, uint32, int32, float32, bool, -, -, uint64, int64, float64. */
    private static int width(int type) throws IOException {
        return switch (type) {
            case 0, 1, 7 -> 1;
            case 2, 3 -> 2;
            case 4, 5, 6 -> 4;
            case 10, 11, 12 -> 8;
            default -> throw new IOException("unknown GGUF value type " + type);
        };
    }

    private static String string(DataInputStream in) throws IOException {
        long length = u64(in);
        if (length > 1 << 20) {
            throw new IOException("a metadata string of " + length + " bytes; the header looks damaged");
        }
        byte[] b = in.readNBytes((int) length);
        if (b.length < length) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int u32(DataInputStream in) throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private static long u64(DataInputStream in) throws IOException {
        return Long.reverseBytes(in.readLong());
    }

    private static int le32(byte[] b) {
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte c : b) {
            s.append(c >= 32 && c < 127 ? (char) c : '.');
        }
        return s.toString();
    }
}
