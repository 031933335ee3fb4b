package io.caseswarm.experts.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./caseswarm eval-finder}: evaluates the finder on a labelled dataset, or writes a synthetic one. Runs
 * without Kafka or PostgreSQL: the ranking is replayed in this JVM. Exit status 0 when done, 1 on a malformed
 * dataset (nothing printed but the error), 2 on a wrong command line.
 */
public final class EvalFinderCommand {

    static final String USAGE = "usage: eval-finder <dataset.jsonl>\n"
            + "       eval-finder --generate <out.jsonl> [--seed N] [--people N] [--queries N]";

    private EvalFinderCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length >= 1 && args[0].equals("--generate")) {
                return generate(Arrays.asList(args).subList(1, args.length), out);
            }
            if (args.length != 1 || args[0].startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            Evaluation.ofReplayedFinder().run(DatasetReader.read(Path.of(args[0]))).print(out);
            return 0;
        } catch (MalformedDatasetException e) {
            err.println("eval-finder: malformed dataset " + args[0] + ", " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("eval-finder: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("eval-finder: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    private static int generate(List<String> args, PrintStream out) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("--generate needs the file to write");
        }
        Path target = Path.of(args.get(0));
        OrgGenerator.Settings settings = OrgGenerator.Settings.DEFAULT;
        for (int i = 1; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!List.of("--seed", "--people", "--queries").contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            long value = number(option, args.get(i + 1));
            settings = switch (option) {
                case "--seed" -> settings.withSeed(value);
                case "--people" -> settings.withPeople(positive(option, value));
                default -> settings.withQueries(positive(option, value));
            };
        }
        try {
            int lines = new OrgGenerator(settings).writeTo(target);
            out.println("wrote " + lines + " lines to " + target + " (" + settings + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
        return 0;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value);
        }
    }

    private static int positive(String option, long value) {
        if (value < 1 || value > 1_000_000) {
            throw new IllegalArgumentException(option + " must be 1 to 1000000, not " + value);
        }
        return (int) value;
    }
}
