package io.chatforge.im.service.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Slice;

/** One page of a list answer; {@code hasNext} tells whether asking for {@code page + 1} makes sense. */
public record PageView<T>(List<T> items, int page, int size, boolean hasNext) {

    public static <E, T> PageView<T> of(Slice<E> slice, Function<E, T> toView) {
        return new PageView<>(
                slice.getContent().stream().map(toView).toList(), slice.getNumber(), slice.getSize(), slice.hasNext());
    }
}
