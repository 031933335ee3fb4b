package io.caseswarm.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a model object kept without knowing them. fabric8's and Strimzi's models take any field they
 * do not declare into additionalProperties instead of failing, so a misspelt field would pass unnoticed
 * (and the API server would drop it); this walks the object graph and names each such field by its path.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static List<String> in(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "[" + key + "]", found, seen));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object property = get(getter, value);
            String name = propertyName(getter);
            if (name.equals("additionalProperties") && property instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
            } else {
                walk(property, join(path, name), found, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return (name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.")) && !type.isEnum()
                // Quantity and IntOrString are values, not objects with fields.
                && !name.equals("io.fabric8.kubernetes.api.model.Quantity")
                && !name.equals("io.fabric8.kubernetes.api.model.IntOrString");
    }

    private static boolean isGetter(Method method) {
        String name = method.getName();
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2)
                && !name.equals("getClass") && !method.getReturnType().isPrimitive()
                && method.getReturnType() != String.class;
    }

    private static Object get(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // A derived getter that cannot answer holds no field of the document.
            return null;
        }
    }

    private static String propertyName(Method getter) {
        String bare = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
