package io.caseswarm.auth;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./caseswarm token <user> <roles…>} and the key set-up of {@code ./caseswarm up}:
 * <pre>
 *   keys  &lt;dir&gt;                    make the key pair in dir unless it is there
 *   token &lt;dir&gt; &lt;user&gt; &lt;role&gt;…    print a token signed with the key pair in dir
 * </pre>
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("keys")) {
            LocalIssuer.inDirectory(Path.of(args[1]));
        } else if (args.length >= 4 && args[0].equals("token")) {
            String[] roles = Arrays.copyOfRange(args, 3, args.length);
            System.out.println(LocalIssuer.inDirectory(Path.of(args[1])).issue(args[2], roles));
        } else {
            System.err.println("usage: keys <dir> | token <dir> <user> <role>...");
            System.exit(2);
        }
    }
}
