package dev.oro.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.oro.render.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the four LangChain4j-backed providers share: Oro's messages and parameters in
 * LangChain4j's terms, one call (plain or streamed), and the reply back in Oro's terms with a
 * normalized finish reason. Every failure leaves through {@link ModelErrors}.
 */
final class LangChainBridge {

    private final ModelProfile profile;
    private final Secrets secrets;
    private volatile String reportedModel;

    /** For a profile whose base URL, when it names none, is {@code defaultBaseUrl}. */
    LangChainBridge(ModelProfile profile, Secrets secrets, String defaultBaseUrl) {
        this.profile = profile.withBaseUrl(baseUrl(profile.baseUrl(), defaultBaseUrl));
        this.secrets = secrets;
    }

    /** The profile, its base URL resolved, so that messages name the server. */
    ModelProfile profile() {
        return profile;
    }

    /** The API key, resolved at each call so a missing variable fails the call, not the construction. */
    String key() {
        return secrets.resolve(profile);
    }

    /**
     * Makes one call: through {@code plain} when {@code sink} is null, else through
     * {@code streaming}, handing each piece to the sink. The models are built only when used.
     */
    ProviderReply call(ModelRequest request, ChatRequestParameters parameters, TokenSink sink, Supplier<ChatModel> plain,
            Supplier<StreamingChatModel> streaming) {
        ChatRequest chat = ChatRequest.builder().messages(messages(request.messages())).parameters(parameters).build();
        try {
            if (sink == null) {
                ChatResponse response = plain.get().chat(chat);
                return reply(response, response.aiMessage().text());
            }
            Collector stream = stream(streaming.get(), chat, sink);
            // The text is what the sink saw, whatever the vendor's own summary says.
            return reply(stream.done.join(), stream.text.toString());
        } catch (RuntimeException e) {
            throw ModelErrors.classify(e, profile);
        }
    }

    /** The model name the server put in its last answer (often a dated version), else the profile's. */
    String reportedModel() {
        String reported = reportedModel;
        return reported != null ? reported : profile.model();
    }

    /** The profile's base URL, else the vendor's; without a trailing slash, so paths join cleanly. */
    static String baseUrl(String configured, String fallback) {
        String url = configured == null || configured.isBlank() ? fallback : configured.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static List<dev.langchain4j.data.message.ChatMessage> messages(List<ChatMessage> messages) {
        List<dev.langchain4j.data.message.ChatMessage> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            String role = String.valueOf(m.role());
            boolean blank = m.content() == null || m.content().isBlank();
            if (blank && role.equals("system")) {
                continue; // an optional system block that rendered empty says nothing
            }
            if (blank) {
                throw ModelException.fatal("message " + (i + 1) + " (" + role + ") is empty after rendering; providers refuse empty messages");
            }
            out.add(switch (role) {
                case "system" -> SystemMessage.from(m.content());
                case "user" -> UserMessage.from(m.content());
                case "assistant" -> AiMessage.from(m.content());
                default -> throw ModelException.fatal("message " + (i + 1) + " has role '" + role + "'; use system, user or assistant");
            });
        }
        if (out.isEmpty()) {
            throw ModelException.fatal("nothing to send: every message is empty after rendering");
        }
        return out;
    }

    /**
     * The parameters every vendor shares, on a builder the provider may have given its own
     * (seed, a default max tokens); a value params leave unset keeps the builder's.
     */
    static ChatRequestParameters parameters(DefaultChatRequestParameters.Builder<?> builder, GenerationParams params) {
        if (params.temperature() != null) {
            builder.temperature(params.temperature());
        }
        if (params.topP() != null) {
            builder.topP(params.topP());
        }
        if (params.maxTokens() != null) {
            builder.maxOutputTokens(params.maxTokens());
        }
        if (params.stop() != null) {
            builder.stopSequences(params.stop());
        }
        if (params.jsonMode()) {
            builder.responseFormat(ResponseFormat.JSON);
        }
        return builder.build();
    }

    static String finishReason(FinishReason reason) {
        if (reason == null) {
            return "other";
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            case TOOL_EXECUTION -> "tool_calls";
            case OTHER -> "other";
        };
    }

    private ProviderReply reply(ChatResponse response, String text) {
        if (response.modelName() != null) {
            reportedModel = response.modelName();
        }
        TokenUsage tokens = response.tokenUsage();
        Usage usage = tokens == null ? Usage.NONE : new Usage(orZero(tokens.inputTokenCount()), orZero(tokens.outputTokenCount()));
        return new ProviderReply(text, finishReason(response.finishReason()), usage);
    }

    /** Streams until the vendor's last event, the profile's timeout, or an interrupt. */
    private Collector stream(StreamingChatModel model, ChatRequest request, TokenSink sink) {
        Collector collector = new Collector(sink);
        model.chat(request, collector);
        try {
            collector.done.get(profile.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return collector;
        } catch (ExecutionException e) {
            throw ModelErrors.classify(e.getCause(), profile);
        } catch (TimeoutException e) {
            collector.cancel();
            throw ModelErrors.timeout(profile, e);
        } catch (InterruptedException e) {
            collector.cancel();
            Thread.currentThread().interrupt();
            throw ModelException.fatal("interrupted while streaming from " + profile.name());
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** Collects a stream: the pieces as they come, then the whole response or the error. */
    private static final class Collector implements StreamingChatResponseHandler {

        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        final StringBuffer text = new StringBuffer();
        private final TokenSink sink;
        private volatile StreamingHandle handle;

        Collector(TokenSink sink) {
            this.sink = sink;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle = context.streamingHandle();
            text.append(partial.text());
            sink.accept(partial.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        /** Closes the connection of a stream nobody waits for any more. */
        void cancel() {
            StreamingHandle h = handle;
            if (h != null) {
                h.cancel();
            }
        }
    }
}
