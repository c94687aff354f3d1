package org.syncsim.protocol.data;

/** The outcome of decoding a payload blob: a value, or the typed reason it could not be decoded. */
public sealed interface DecodeResult<T> {

    /** Decoded successfully. */
    record Ok<T>(T value) implements DecodeResult<T> {}

    /** Not decodable; {@code detail} is for traces only. */
    record Failed<T>(DecodeFailure failure, String detail) implements DecodeResult<T> {}

    static <T> DecodeResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> DecodeResult<T> failed(DecodeFailure failure, String detail) {
        return new Failed<>(failure, detail);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value, or {@code null} on failure. */
    default T valueOrNull() {
        return this instanceof Ok<T> ok ? ok.value() : null;
    }
}
