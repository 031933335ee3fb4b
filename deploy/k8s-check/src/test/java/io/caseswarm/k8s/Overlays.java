package io.caseswarm.k8s;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The overlays operators apply, each rendered once per test run. */
final class Overlays {

    static final List<String> NAMES = List.of("dev", "prod");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay,
                name -> Manifests.parse("overlays/" + name, Kustomize.render(Repository.OVERLAYS.resolve(name))));
    }
}
