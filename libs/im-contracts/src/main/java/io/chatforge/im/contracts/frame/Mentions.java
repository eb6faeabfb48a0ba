package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Who a text mentions: some users ({@code [10002, 10003]}) or everyone ({@code ["all"]}). */
public record Mentions(boolean all, List<Long> userIds) {
    public static final String ALL = "all";
    public static final int MAX_USERS = 50;

    public Mentions {
        userIds = List.copyOf(userIds);
    }

    public static Mentions everyone() {
        return new Mentions(true, List.of());
    }

    public static Mentions of(List<Long> userIds) {
        return new Mentions(false, List.copyOf(new LinkedHashSet<>(userIds)));
    }

    @JsonValue
    List<Object> wire() {
        return all ? List.of(ALL) : new ArrayList<>(userIds);
    }

    /** Reads the wire form; anything else than ["all"] or a list of user ids is refused. */
    @JsonCreator
    public static Mentions fromWire(List<Object> wire) {
        if (wire.size() == 1 && ALL.equals(wire.get(0))) {
            return everyone();
        }
        List<Long> ids = new ArrayList<>();
        for (Object item : wire) {
            if (!(item instanceof Number number)
                    || number.longValue() <= 0
                    || number.doubleValue() != number.longValue()) {
                throw new IllegalArgumentException("mentions are [\"all\"] or user ids");
            }
            ids.add(number.longValue());
        }
        return of(ids);
    }
}
