package io.caseswarm.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by each of a few processes over a stretch of a benchmark, from {@code /proc}: the
 * services' JVMs by pid, and the PostgreSQL server as the sum of all its processes. Divided by the
 * requests done, it says where a request's time went when both cores are busy.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

    private final Map<String, Long> pids;
    private final Map<String, Double> startSeconds = new HashMap<>();
    private final Map<Long, Double> postgresStart;

    /** Starts measuring the named processes ({@code name → pid}) and PostgreSQL. */
    CpuMeter(Map<String, Long> pids) {
        this.pids = Map.copyOf(pids);
        pids.forEach((name, pid) -> startSeconds.put(name, cpuSeconds(pid)));
        this.postgresStart = postgresProcesses();
    }

    /** CPU seconds each process spent since the start; PostgreSQL under "postgresql". */
    Map<String, Double> spent() {
        Map<String, Double> spent = new HashMap<>();
        pids.forEach((name, pid) -> spent.put(name, cpuSeconds(pid) - startSeconds.get(name)));
        double postgres = 0;
        for (var now : postgresProcesses().entrySet()) {
            postgres += now.getValue() - postgresStart.getOrDefault(now.getKey(), 0.0);
        }
        spent.put("postgresql", postgres);
        return spent;
    }

    private static Map<Long, Double> postgresProcesses() {
        Map<Long, Double> seconds = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                String stat = stat(dir);
                if (stat != null && stat.contains("(postgres)")) {
                    seconds.put(Long.parseLong(dir.getFileName().toString()), cpuSeconds(stat));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc", e);
        }
        return seconds;
    }

    private static double cpuSeconds(long pid) {
        String stat = stat(Path.of("/proc", String.valueOf(pid)));
        return stat == null ? 0 : cpuSeconds(stat);
    }

    /** utime + stime, fields 14 and 15 of /proc/pid/stat, counted after the command name's closing bracket. */
    private static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static String stat(Path processDir) {
        try {
            return Files.readString(processDir.resolve("stat"));
        } catch (IOException e) {
            return null; // gone meanwhile
        }
    }
}
