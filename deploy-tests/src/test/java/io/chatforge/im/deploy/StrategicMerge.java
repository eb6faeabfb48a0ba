package io.chatforge.im.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic merge, as far as k8s/ needs it: maps merge key by key (a null value removes the
 * key), lists whose items all have a {@code name} (containers, env, volumes, ports) merge item by item
 * on that name ({@code $patch: delete} removes one), any other list or value is replaced.
 */
final class StrategicMerge {
    private StrategicMerge() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object old = result.get(e.getKey());
            Object value = e.getValue();
            if (value == null) {
                result.remove(e.getKey());
            } else if (old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> newMap) {
                result.put(e.getKey(), merge((Map<String, Object>) oldMap, (Map<String, Object>) newMap));
            } else if (old instanceof List<?> oldList
                    && value instanceof List<?> newList
                    && named(oldList)
                    && named(newList)) {
                result.put(e.getKey(), mergeByName((List<Map<String, Object>>) oldList, (List<Map<String, Object>>)
                        newList));
            } else {
                result.put(e.getKey(), value);
            }
        }
        return result;
    }

    private static boolean named(List<?> list) {
        return list.stream().allMatch(item -> item instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static List<Map<String, Object>> mergeByName(
            List<Map<String, Object>> base, List<Map<String, Object>> patch) {
        List<Map<String, Object>> result = new ArrayList<>(base);
        for (Map<String, Object> item : patch) {
            int index = indexOf(result, item.get("name"));
            if ("delete".equals(item.get("$patch"))) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                result.set(index, merge(result.get(index), item));
            } else {
                result.add(item);
            }
        }
        return result;
    }

    private static int indexOf(List<Map<String, Object>> items, Object name) {
        for (int i = 0; i < items.size(); i++) {
            if (name.equals(items.get(i).get("name"))) {
                return i;
            }
        }
        return -1;
    }
}
