package org.homeinfusion.localstack;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a bearer token for the local stack, valid 8 hours, so a user can call the APIs with curl:
 *
 * <pre>
 * TOKEN=$(java -cp local-stack/target/local-stack.jar org.homeinfusion.localstack.MintToken --org SPEC-1 --roles SPECIALIST)
 * curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/cases
 * </pre>
 *
 * Options: {@code --org ID} (required), {@code --roles R1,R2} (required; SPECIALIST, PHARMACY, AGENCY, SUPPLIER,
 * PAYER), {@code --sub NAME} (default {@code user-<org>}), {@code --hours N} (default 8). Uses
 * {@code HOME_INFUSION_JWT_SECRET} when set, like the services.
 */
public final class MintToken {

    private static final List<String> ROLES = List.of("SPECIALIST", "PHARMACY", "AGENCY", "SUPPLIER", "PAYER");
    private static final String USAGE = "Usage: MintToken --org ORG --roles ROLE[,ROLE...] [--sub SUBJECT] [--hours N]"
            + "\n  roles: " + String.join(", ", ROLES);

    private MintToken() {
    }

    public static void main(String[] args) {
        String org = null;
        String subject = null;
        List<String> roles = null;
        long hours = 8;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--org" -> org = value;
                    case "--sub" -> subject = value;
                    case "--roles" -> roles = Arrays.stream(value.split(",")).map(String::trim)
                            .filter(r -> !r.isEmpty()).toList();
                    case "--hours" -> hours = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            if (org == null || roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("--org and --roles are required");
            }
            List<String> unknown = roles.stream().filter(r -> !ROLES.contains(r)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown role(s) " + unknown);
            }
            if (hours < 1) {
                throw new IllegalArgumentException("--hours must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println(DevTokens.mint(subject != null ? subject : "user-" + org, org, roles, Duration.ofHours(hours)));
    }
}
