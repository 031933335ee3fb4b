package io.caseswarm.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders an overlay as `kubectl apply -k` would apply it. kubectl is a requirement of this check, not an
 * option: without it the manifests would go unchecked, so its absence fails the build with what to do.
 */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path overlay) {
        Path kubectl = kubectl();
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString())
                    .redirectErrorStream(false).start();
            process.getOutputStream().close();
            // Read both streams before waiting, so that a large render cannot fill a pipe and block kubectl.
            String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed: " + errors);
            }
            return rendered;
        } catch (IOException e) {
            throw new AssertionError("Could not run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + overlay, e);
        }
    }

    /** KUBECTL if set, else the first kubectl on the PATH. */
    static Path kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return executable(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(missing("no kubectl on the PATH (" + path + ")")));
    }

    private static Path executable(Path kubectl) {
        if (!Files.isExecutable(kubectl)) {
            throw new AssertionError(missing("KUBECTL=" + kubectl + " is not an executable file"));
        }
        return kubectl;
    }

    private static String missing(String what) {
        return String.join(" ", List.of("The Kubernetes manifests cannot be checked:", what + ".",
                "Install kubectl (1.27 or newer, with kustomize v5), e.g. `apt-get install kubectl` from the",
                "Kubernetes package repository, or point KUBECTL at it."));
    }
}
