package io.caseswarm.experts.eval;

import java.util.List;
import java.util.Map;

/**
 * The synthetic organisation's world: skills (with the other names people give them and the words their cases
 * use), and the products that need them. Technical words stay as they are in every language, as they do in
 * real tickets.
 */
final class SkillCatalogue {

    /** A skill as the organisation knows it; {@code broader} is null at the top of the taxonomy. */
    record SkillDef(String name, List<String> synonyms, String broader, List<String> related, List<String> words) {
    }

    record Product(String name, List<String> skills) {
    }

    static final List<SkillDef> SKILLS = List.of(
            new SkillDef("postgres", List.of("postgresql", "pg"), "databases", List.of("sql"),
                    List.of("deadlock", "vacuum", "replication lag", "connection pool exhausted")),
            new SkillDef("sql", List.of("sql-queries"), "databases", List.of("postgres", "reporting"),
                    List.of("slow query plan", "join", "missing index", "query timeout")),
            new SkillDef("kubernetes", List.of("k8s"), "cloud", List.of("docker"),
                    List.of("pod", "CrashLoopBackOff", "helm chart", "ingress")),
            new SkillDef("docker", List.of("containers"), "cloud", List.of("kubernetes", "linux"),
                    List.of("container image", "dockerfile", "registry pull")),
            new SkillDef("java", List.of("jvm"), "programming", List.of("performance"),
                    List.of("OutOfMemoryError", "heap dump", "garbage collection pause", "stack trace")),
            new SkillDef("javascript", List.of("js"), "programming", List.of("react"),
                    List.of("undefined is not a function", "bundle", "npm", "browser console")),
            new SkillDef("react", List.of("reactjs"), "programming", List.of("javascript"),
                    List.of("component render", "hooks", "blank page", "state update")),
            new SkillDef("ios", List.of("iphone"), "mobile", List.of("react"),
                    List.of("TestFlight", "crash on launch", "push notification", "App Store")),
            new SkillDef("android", List.of("android-app"), "mobile", List.of("java"),
                    List.of("APK", "Play Store", "ANR", "push notification")),
            new SkillDef("networking", List.of("network"), "infrastructure", List.of("tls", "linux"),
                    List.of("DNS", "connection timeout", "packet loss", "firewall")),
            new SkillDef("tls", List.of("ssl", "certificates"), "security", List.of("networking"),
                    List.of("certificate expired", "handshake failure", "cipher suite")),
            new SkillDef("oauth", List.of("oauth2", "openid-connect"), "security", List.of("ldap"),
                    List.of("token refresh", "redirect uri", "invalid_grant", "login loop")),
            new SkillDef("ldap", List.of("active-directory"), "security", List.of("oauth"),
                    List.of("bind failed", "group sync", "directory user")),
            new SkillDef("billing", List.of("invoicing"), "finance", List.of("payments"),
                    List.of("invoice", "proration", "refund", "wrong amount")),
            new SkillDef("payments", List.of("card-payments"), "finance", List.of("billing"),
                    List.of("chargeback", "3-D Secure", "declined card", "settlement")),
            new SkillDef("kafka", List.of("event-streaming"), "data", List.of("performance"),
                    List.of("consumer lag", "rebalance", "partition", "offset")),
            new SkillDef("elasticsearch", List.of("opensearch"), "data", List.of("reporting"),
                    List.of("shard", "mapping", "reindex", "search results missing")),
            new SkillDef("python", List.of("py"), "programming", List.of("reporting"),
                    List.of("traceback", "pip", "virtualenv", "pandas")),
            new SkillDef("terraform", List.of("iac"), "cloud", List.of("kubernetes"),
                    List.of("state lock", "plan drift", "provider")),
            new SkillDef("linux", List.of("unix"), "infrastructure", List.of("docker"),
                    List.of("kernel", "systemd", "disk full", "permission denied")),
            new SkillDef("email-delivery", List.of("smtp"), "infrastructure", List.of("networking"),
                    List.of("bounce", "spam folder", "DKIM", "mail queue")),
            new SkillDef("performance", List.of("latency"), null, List.of("java", "postgres"),
                    List.of("slow", "p99", "throughput", "high CPU")),
            new SkillDef("gdpr", List.of("data-protection"), "compliance", List.of(),
                    List.of("data export", "erasure request", "consent", "personal data")),
            new SkillDef("reporting", List.of("dashboards"), "data", List.of("sql"),
                    List.of("CSV export", "chart", "report schedule", "totals")));

    static final List<Product> PRODUCTS = List.of(
            new Product("Billing Cloud", List.of("billing", "payments", "postgres", "sql", "reporting", "gdpr")),
            new Product("Payments Gateway", List.of("payments", "tls", "java", "kafka", "networking", "performance")),
            new Product("Mobile App", List.of("ios", "android", "react", "javascript", "oauth")),
            new Product("Identity", List.of("oauth", "ldap", "tls", "gdpr", "java")),
            new Product("Data Platform", List.of("kafka", "elasticsearch", "python", "sql", "postgres", "reporting")),
            new Product("Cloud Hosting", List.of("kubernetes", "docker", "linux", "terraform", "networking",
                    "email-delivery")));

    /** Case texts: subject and description templates per language ({0} product, {1} and {2} words). */
    record Language(String code, String subject, String description, String summary) {
    }

    static final List<Language> LANGUAGES = List.of(
            new Language("en", "{1} problem in {0}",
                    "Customer reports {1}. Since this morning {2} on {0}; restarting did not help.",
                    "Resolved: fixed the {1}."),
            new Language("it", "Problema di {1} su {0}",
                    "Il cliente segnala {1}. Da stamattina {2} su {0}; il riavvio non ha risolto.",
                    "Risolto: corretto {1}."),
            new Language("el", "Πρόβλημα με {1} στο {0}",
                    "Ο πελάτης αναφέρει {1}. Από το πρωί {2} στο {0}· η επανεκκίνηση δεν βοήθησε.",
                    "Επιλύθηκε: διορθώθηκε το {1}."),
            new Language("vi", "Sự cố {1} trên {0}",
                    "Khách hàng báo lỗi {1}. Từ sáng nay {2} trên {0}; khởi động lại không giúp được.",
                    "Đã xử lý: sửa {1}."),
            new Language("fa", "مشکل {1} در {0}",
                    "مشتری گزارش می‌دهد {1}. از امروز صبح {2} در {0}؛ راه‌اندازی مجدد کمکی نکرد.",
                    "حل شد: {1} اصلاح شد."));

    static final List<String> FIRST_NAMES = List.of("ana", "bruno", "chiara", "dimitris", "elena", "farid", "giulia",
            "hoa", "ioanna", "javad", "kostas", "linh", "marco", "nasrin", "omar", "paola", "quang", "reza", "sofia",
            "thanh", "ugo", "valentina", "wei", "xenia", "yasmin", "zeynep", "luca", "maria", "nikos", "parisa");
    static final List<String> LAST_NAMES = List.of("lima", "rossi", "papadopoulos", "nguyen", "ahmadi", "costa",
            "bianchi", "georgiou", "tran", "karimi", "silva", "ferrari", "nikolaou", "pham", "hosseini", "santos",
            "romano", "alexiou", "le", "rahimi");
    static final List<String> TIME_ZONES = List.of("Europe/Lisbon", "Europe/Rome", "Europe/Athens",
            "Asia/Ho_Chi_Minh", "Asia/Tehran", "America/New_York");

    static final Map<String, SkillDef> BY_NAME = SKILLS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(SkillDef::name, skill -> skill));

    private SkillCatalogue() {
    }
}
