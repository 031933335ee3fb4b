package io.caseswarm.experts.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.caseswarm.experts.eval.SkillCatalogue.Language;
import io.caseswarm.experts.eval.SkillCatalogue.Product;
import io.caseswarm.experts.eval.SkillCatalogue.SkillDef;

/**
 * A synthetic organisation as a labelled dataset, the same for the same settings. Every person has a hidden
 * TRUE skill profile; what they declare when they register is incomplete, sometimes phrased differently and
 * sometimes wrong (stale or hopeful). Six months of history then show who really knows what, through the
 * signals a real organisation has: swarms people were credited on (and whether the resolution named them),
 * cases experts resolved themselves, articles they wrote, and a taxonomy admins keep. Queries come in the
 * last two months, between the events, judged by the hidden truth alone.
 */
public final class OrgGenerator {

    /** The end of the history: fixed, so that the same seed writes the same file on any day. */
    static final Instant END = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(180));
    /** From this true level on, someone is an expert in a skill: they can solve its cases. */
    static final int EXPERT_LEVEL = 3;
    private static final String ADMIN = "it.admin";

    public record Settings(long seed, int people, int queries) {
        public static final Settings DEFAULT = new Settings(1, 300, 400);

        public Settings withSeed(long seed) {
            return new Settings(seed, people, queries);
        }

        public Settings withPeople(int people) {
            return new Settings(seed, people, queries);
        }

        public Settings withQueries(int queries) {
            return new Settings(seed, people, queries);
        }
    }

    /** A person of the organisation as only the generator knows them. */
    private record Person(String id, List<String> products, Map<String, Integer> trueLevels) {
        int level(String skill) {
            return trueLevels.getOrDefault(skill, 0);
        }
    }

    /** A line of the dataset with the time it happens, so events and queries interleave in time order. */
    private record Timed(Instant at, long order, ObjectNode line) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final Random random;
    private final Random usesRandom;
    private final List<Timed> lines = new ArrayList<>();
    private long order;
    private long uuids;
    private int caseNumber = 1000;

    public OrgGenerator(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.usesRandom = new Random(~settings.seed());
    }

    /** Writes the dataset as JSON Lines; returns how many lines. */
    public int writeTo(Path target) throws IOException {
        List<ObjectNode> dataset = generate();
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (ObjectNode line : dataset) {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
        return dataset.size();
    }

    /** The dataset's lines in order: events and queries. */
    public List<ObjectNode> generate() {
        lines.clear();
        List<Person> people = people();
        people.forEach(this::register);
        defineTaxonomy();
        List<String> agents = agents();
        for (int i = 0; i < settings.people() * 2; i++) {
            resolveCase(people, agents);
        }
        List<ObjectNode> articles = new ArrayList<>();
        for (int i = 0; i < settings.people() / 3; i++) {
            publishArticle(people).ifPresent(articles::add);
        }
        articles.forEach(article -> useArticle(article, people));
        for (int i = 0; i < settings.queries(); i++) {
            query(people, i);
        }
        return lines.stream().sorted(Comparator.comparing(Timed::at).thenComparingLong(Timed::order))
                .map(Timed::line).toList();
    }

    // --- people -------------------------------------------------------------------------------------------------

    private List<Person> people() {
        List<Person> people = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < settings.people(); i++) {
            String base = pick(SkillCatalogue.FIRST_NAMES) + "." + pick(SkillCatalogue.LAST_NAMES);
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + n;
            }
            List<String> products = new ArrayList<>(List.of(pick(SkillCatalogue.PRODUCTS).name()));
            if (random.nextDouble() < 0.3) {
                String second = pick(SkillCatalogue.PRODUCTS).name();
                if (!products.contains(second)) {
                    products.add(second);
                }
            }
            Map<String, Integer> levels = new LinkedHashMap<>();
            int count = 2 + random.nextInt(4);
            for (int s = 0; s < count; s++) {
                List<String> pool = random.nextDouble() < 0.85 ? product(pick(products)).skills()
                        : SkillCatalogue.SKILLS.stream().map(SkillDef::name).toList();
                // The first skill is what they are known for; the rest spread over every level.
                levels.putIfAbsent(pick(pool), s == 0 ? 3 + random.nextInt(3) : 1 + random.nextInt(5));
            }
            people.add(new Person(id, List.copyOf(products), Map.copyOf(levels)));
        }
        return people;
    }

    /** Registers what they say about themselves: most of what they know, some under other names, some not true. */
    private void register(Person person) {
        ObjectNode data = JSON.createObjectNode();
        data.put("personId", person.id());
        data.put("name", displayName(person.id()));
        data.put("email", person.id() + "@example.com");
        if (random.nextDouble() < 0.8) {
            data.put("chatHandle", "@" + person.id());
        } else {
            data.putNull("chatHandle");
        }
        data.put("timeZone", pick(SkillCatalogue.TIME_ZONES));
        // Always reachable: queries carry no time of day, so working hours must not decide the answer.
        data.putObject("workingHours").put("start", "00:00").put("end", "23:59");
        ArrayNode skills = data.putArray("skills");
        Set<String> declared = new LinkedHashSet<>();
        sorted(person.trueLevels().keySet()).forEach(skill -> {
            if (random.nextDouble() < 0.55) {
                int level = Math.clamp(person.level(skill) + random.nextInt(3) - 1, 1, 5);
                declare(skills, declared, phrase(skill, 0.3), level);
            }
        });
        if (declared.isEmpty() || random.nextDouble() < 0.35) {
            // Stale or hopeful: a skill they do not have, often claimed high.
            String wrong = pick(SkillCatalogue.SKILLS).name();
            if (person.level(wrong) == 0) {
                declare(skills, declared, wrong, 2 + random.nextInt(4));
            }
        }
        if (declared.isEmpty()) {
            String known = sorted(person.trueLevels().keySet()).get(0);
            declare(skills, declared, known, person.level(known));
        }
        data.put("capacity", 2 + random.nextInt(4));
        data.put("presence", "available");
        Instant registered = START.minus(Duration.ofDays(1 + random.nextInt(400)));
        data.put("registeredAt", registered.toString());
        data.putArray("roles").add("expert");
        event("expert-registered", "expert-finder-service", person.id(), registered, data);
    }

    private static void declare(ArrayNode skills, Set<String> declared, String name, int level) {
        if (declared.add(name)) {
            skills.addObject().put("name", name).put("level", level);
        }
    }

    private static String displayName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.replaceAll("[0-9]", "").split("\\.")) {
            name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                    .append(part.substring(1));
        }
        return name.toString();
    }

    /** Case owners: support agents, who own and resolve cases but are not in the experts' directory. */
    private List<String> agents() {
        List<String> agents = new ArrayList<>();
        for (int i = 1; i <= Math.max(3, settings.people() / 20); i++) {
            agents.add("agent." + i);
        }
        return agents;
    }

    // --- taxonomy -----------------------------------------------------------------------------------------------

    /** Admins define most skills with their synonyms early on; a few are never defined, as in real life. */
    private void defineTaxonomy() {
        Instant at = START.plus(Duration.ofDays(2));
        for (SkillDef skill : SkillCatalogue.SKILLS) {
            if (random.nextDouble() < 0.2) {
                continue;
            }
            at = at.plus(Duration.ofMinutes(5 + random.nextInt(60)));
            ObjectNode data = JSON.createObjectNode();
            data.put("skillId", "skill:" + skill.name());
            data.put("skill", skill.name());
            ArrayNode synonyms = data.putArray("synonyms");
            skill.synonyms().forEach(synonyms::add);
            if (skill.broader() == null) {
                data.putNull("broader");
            } else {
                data.put("broader", skill.broader());
            }
            // An admin relating two skills gives partial credit; half is what such a guess is worth.
            ObjectNode related = data.putObject("related");
            skill.related().forEach(name -> related.put(name, 0.5));
            data.put("definedBy", ADMIN);
            data.put("definedAt", at.toString());
            event("skill-defined", "expert-finder-service", "skill:" + skill.name(), at, data);
        }
    }

    // --- history ------------------------------------------------------------------------------------------------

    /**
     * One case, resolved: mostly through a swarm, where the people who really know the skills help and others
     * who joined (often on the strength of what they declared) do not; otherwise an expert owned and resolved
     * it alone.
     */
    private void resolveCase(List<Person> people, List<String> agents) {
        Product product = pick(SkillCatalogue.PRODUCTS);
        List<String> skills = skillsOf(product, 1 + random.nextInt(2));
        Instant resolvedAt = between(START.plus(Duration.ofDays(3)), END);
        List<Person> experts = expertsIn(people, skills, product);
        boolean swarmed = experts.isEmpty() || random.nextDouble() < 0.75;
        String ownerId;
        List<Person> helpers = new ArrayList<>();
        List<Person> bystanders = new ArrayList<>();
        if (swarmed) {
            ownerId = pick(agents);
            for (int i = 0; i < 1 + random.nextInt(2) && !experts.isEmpty(); i++) {
                Person helper = pickWeighted(experts, skills);
                if (!helpers.contains(helper)) {
                    helpers.add(helper);
                }
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                Person bystander = pick(people);
                if (!helpers.contains(bystander) && !bystanders.contains(bystander)) {
                    bystanders.add(bystander);
                }
            }
        } else {
            ownerId = pickWeighted(experts, skills).id();
        }
        Language language = pick(SkillCatalogue.LANGUAGES);
        String caseId = uuid().toString();
        ObjectNode data = JSON.createObjectNode();
        data.put("caseId", caseId);
        data.put("number", "CS-%06d".formatted(caseNumber++));
        String word = word(skills.get(0));
        data.put("subject", fill(language.subject(), product.name(), word, word));
        data.put("description", fill(language.description(), product.name(), word, word(pick(skills))));
        data.put("product", product.name());
        int customer = 1 + random.nextInt(80);
        data.putObject("customer").put("id", "crm-" + customer).put("name", "Customer " + customer)
                .put("email", "support@customer" + customer + ".example");
        data.put("ownerId", ownerId);
        ObjectNode resolution = data.putObject("resolution");
        resolution.put("summary", fill(language.summary(), product.name(), word, word));
        ArrayNode helpedBy = resolution.putArray("helpedBy");
        helpers.forEach(helper -> helpedBy.add(helper.id()));
        data.put("resolvedAt", resolvedAt.toString());
        event("case-resolved", "case-service", caseId, resolvedAt, data);
        if (swarmed) {
            String swarmId = uuid().toString();
            // The swarm asked for the skills as whoever opened it phrased them.
            List<String> asked = skills.stream().map(skill -> phrase(skill, 0.2)).distinct().toList();
            Instant creditedAt = resolvedAt.plusSeconds(1);
            helpers.forEach(helper -> credit(swarmId, caseId, helper, product, asked, true, creditedAt));
            bystanders.forEach(other -> credit(swarmId, caseId, other, product, asked, false, creditedAt));
        }
    }

    private void credit(String swarmId, String caseId, Person person, Product product, List<String> skills,
            boolean helped, Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("swarmId", swarmId);
        data.put("caseId", caseId);
        data.put("personId", person.id());
        data.put("product", product.name());
        ArrayNode names = data.putArray("skills");
        skills.forEach(names::add);
        data.put("posts", helped ? 2 + random.nextInt(7) : random.nextInt(3));
        data.put("helped", helped);
        data.put("creditedAt", at.toString());
        event("swarm-member-credited", "swarm-service", swarmId, at, data);
    }

    /** An expert writes up what they know; the tags are their words for it. The article published, if any. */
    private Optional<ObjectNode> publishArticle(List<Person> people) {
        Person author = pick(people);
        List<String> strong = sorted(author.trueLevels().keySet()).stream()
                .filter(skill -> author.level(skill) >= EXPERT_LEVEL + 1).toList();
        if (strong.isEmpty()) {
            return Optional.empty();
        }
        String skill = pick(strong);
        Instant at = between(START, END);
        String articleId = uuid().toString();
        ObjectNode data = JSON.createObjectNode();
        data.put("articleId", articleId);
        data.put("title", "How to deal with " + word(skill));
        ArrayNode tags = data.putArray("tags");
        tags.add(phrase(skill, 0.3));
        data.put("product", pick(author.products()));
        data.put("visibility", "internal");
        data.put("authorId", author.id());
        data.put("publishedAt", at.toString());
        event("article-published", "knowledge-service", articleId, at, data);
        return Optional.of(data);
    }

    /**
     * Colleagues say the article helped on up to three of their later cases. Drawn from a random of its own, so
     * that the organisation and the rest of its history are the same as before uses were drawn.
     */
    private void useArticle(ObjectNode article, List<Person> people) {
        Instant published = Instant.parse(article.get("publishedAt").asText());
        int uses = usesRandom.nextInt(4);
        for (int i = 0; i < uses; i++) {
            Person user = people.get(usesRandom.nextInt(people.size()));
            Instant at = published.plusSeconds(
                    (long) (usesRandom.nextDouble() * Duration.between(published, END).toSeconds()));
            ObjectNode data = article.deepCopy();
            data.remove(List.of("visibility", "publishedAt"));
            data.put("caseId", uuid().toString());
            data.put("usedBy", user.id());
            data.put("usedAt", at.toString());
            event("article-used", "knowledge-service", article.get("articleId").asText(), at, data);
        }
    }

    // --- queries ------------------------------------------------------------------------------------------------

    /**
     * A request for experts, judged by the hidden truth: 3 for an expert in every asked skill, 2 in most, 1 in
     * one, 0 otherwise; people who know an asked skill only a little are judged 0 explicitly.
     */
    private void query(List<Person> people, int index) {
        Product product = pick(SkillCatalogue.PRODUCTS);
        int size = random.nextDouble() < 0.3 ? 1 : random.nextDouble() < 0.65 ? 2 : 3;
        List<String> skills = skillsOf(product, size);
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (Person person : people) {
            long known = skills.stream().filter(skill -> person.level(skill) >= EXPERT_LEVEL).count();
            int grade = known == skills.size() ? 3 : known * 2 > skills.size() ? 2 : known >= 1 ? 1 : 0;
            if (grade > 0 || skills.stream().anyMatch(skill -> person.level(skill) > 0)) {
                grades.put(person.id(), grade);
            }
        }
        Language language = pick(SkillCatalogue.LANGUAGES);
        ObjectNode line = JSON.createObjectNode();
        line.put("type", DatasetReader.QUERY_TYPE);
        line.put("id", "q-%04d".formatted(index + 1));
        ArrayNode asked = line.putArray("skills");
        skills.stream().map(skill -> phrase(skill, 0.25)).distinct().forEach(asked::add);
        line.put("product", product.name());
        line.put("text", fill(language.description(), product.name(), word(skills.get(0)), word(pick(skills))));
        line.put("teamSize", Math.min(3, skills.size() + random.nextInt(2)));
        ObjectNode relevant = line.putObject("relevant");
        grades.forEach(relevant::put);
        lines.add(new Timed(between(END.minus(Duration.ofDays(60)), END), order++, line));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void event(String type, String source, String subject, Instant time, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", uuid().toString());
        event.put("type", type);
        event.put("source", source);
        event.put("subject", subject);
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("schemaversion", "1");
        event.set("data", data);
        lines.add(new Timed(time, order++, event));
    }

    /** Who truly knows at least one of the skills: those who work on the product, or anyone when none of them do. */
    private static List<Person> expertsIn(List<Person> people, List<String> skills, Product product) {
        List<Person> experts = people.stream()
                .filter(person -> skills.stream().anyMatch(skill -> person.level(skill) >= EXPERT_LEVEL))
                .toList();
        List<Person> onTheProduct = experts.stream()
                .filter(person -> person.products().contains(product.name())).toList();
        return onTheProduct.isEmpty() ? experts : onTheProduct;
    }

    /** Someone who knows more of the skills, and knows them better, is more likely the one who solves it. */
    private Person pickWeighted(List<Person> candidates, List<String> skills) {
        double[] weights = candidates.stream()
                .mapToDouble(person -> skills.stream().mapToInt(person::level).map(level -> level * level).sum())
                .toArray();
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return candidates.get(i);
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private List<String> skillsOf(Product product, int count) {
        List<String> pool = new ArrayList<>(product.skills());
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count && !pool.isEmpty()) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private static Product product(String name) {
        return SkillCatalogue.PRODUCTS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The skill as someone writes it: its own name, or now and then another name for it. */
    private String phrase(String skill, double otherNameChance) {
        List<String> synonyms = SkillCatalogue.BY_NAME.get(skill).synonyms();
        return synonyms.isEmpty() || random.nextDouble() >= otherNameChance ? skill : pick(synonyms);
    }

    private String word(String skill) {
        return pick(SkillCatalogue.BY_NAME.get(skill).words());
    }

    private static String fill(String template, String product, String first, String second) {
        return template.replace("{0}", product).replace("{1}", first).replace("{2}", second);
    }

    private Instant between(Instant from, Instant to) {
        return from.plusSeconds((long) (random.nextDouble() * Duration.between(from, to).toSeconds()));
    }

    /** Deterministic ids: the seed and a counter, as a name-based UUID. */
    private UUID uuid() {
        return UUID.nameUUIDFromBytes((settings.seed() + ":" + uuids++).getBytes(StandardCharsets.UTF_8));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
