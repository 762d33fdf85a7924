package dev.oro.eval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.oro.eval.assertion.Embeddings;

/**
 * Local embeddings for {@code similar}: all-MiniLM-L6-v2, quantized, bundled in its jar, so it
 * works offline. Its tokenizer and onnxruntime load once per JVM and bind to the first class
 * loader, so the model is created on the first embedding and shared by the whole process; a
 * run that has no {@code similar} never loads it. Tests that use it are tagged {@code native}.
 */
public final class MiniLmEmbeddings implements Embeddings {

    private static final MiniLmEmbeddings SHARED = new MiniLmEmbeddings();

    private MiniLmEmbeddings() {
    }

    public static Embeddings shared() {
        return SHARED;
    }

    @Override
    public float[] embed(String text) {
        return Model.INSTANCE.embed(text).content().vector();
    }

    /** Loaded when first used, by the JVM's lazy class initialization. */
    private static final class Model {
        static final AllMiniLmL6V2QuantizedEmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
