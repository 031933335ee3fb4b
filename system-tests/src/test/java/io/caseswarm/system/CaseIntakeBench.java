package io.caseswarm.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * P1, case intake: {@code POST /cases} from 16 clients back to back (the most it sustains), then at
 * half that rate as an open loop (the latency a steady desk sees). Requests go through the JDK's HTTP
 * client with a lead's token; their subjects, customers, priorities and channels vary. While the
 * clients run flat out, the CPU each process spends is measured, so the result says per request how
 * much each one took.
 */
final class CaseIntakeBench {

    static final int CLIENTS = 16;

    /** {@code cpuMsPerRequest}: CPU milliseconds per request at full rate, per process (and "postgresql"). */
    record Result(double perSecond, LatencySeries closedLoop, double offeredPerSecond, LatencySeries atHalfRate,
            Map<String, Double> cpuMsPerRequest) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> SUBJECTS = List.of("Invoices fail to sync", "Không đăng nhập được",
            "Η εξαγωγή αποτυγχάνει", "پرداخت انجام نمی‌شود", "La stampante non risponde", "Payroll export is empty");
    private static final String[] PRIORITIES = { "low", "normal", "normal", "high", "urgent" };
    private static final String[] CHANNELS = { "email", "web", "chat", "phone", "api" };

    private final URI cases;
    private final String token;

    CaseIntakeBench(String caseServiceUrl, String leadToken) {
        this.cases = URI.create(caseServiceUrl + "/cases");
        this.token = leadToken;
    }

    /** {@code processes}: the services' pids by name, whose CPU time is measured. */
    Result run(String label, Duration warmUp, Duration timed, Map<String, Long> processes) {
        LoadLoops.closed(CLIENTS, warmUp, new LatencySeries("warm-up"), this::open);
        LatencySeries closed = new LatencySeries("P1 POST /cases, " + label + ", " + CLIENTS + " clients");
        CpuMeter cpu = new CpuMeter(processes);
        long requests = LoadLoops.closed(CLIENTS, timed, closed, this::open);
        Map<String, Double> cpuMsPerRequest = new TreeMap<>();
        cpu.spent().forEach((process, seconds) -> cpuMsPerRequest.put(process, seconds * 1000 / requests));
        double perSecond = requests / (timed.toMillis() / 1000.0);
        LatencySeries half = new LatencySeries("P1 POST /cases, " + label + ", open loop at half rate");
        LoadLoops.open(perSecond / 2, timed, half, this::open);
        return new Result(perSecond, closed, perSecond / 2, half, cpuMsPerRequest);
    }

    private void open(long i) throws IOException, InterruptedException {
        String body = """
                {"subject":"%s #%d","description":"Reported by the benchmark, request %d.",\
                "customer":{"id":"cust-%d","name":"Customer %d","email":"customer-%d@example.com"},\
                "priority":"%s","channel":"%s","product":"Product %d"}"""
                .formatted(SUBJECTS.get((int) (i % SUBJECTS.size())), i, i, i % 5000, i % 5000, i % 5000,
                        PRIORITIES[(int) (i % PRIORITIES.length)], CHANNELS[(int) (i % CHANNELS.length)], i % 12);
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(cases).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /cases answered " + response.statusCode());
        }
    }
}
