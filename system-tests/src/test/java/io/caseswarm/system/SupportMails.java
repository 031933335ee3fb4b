package io.caseswarm.system;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Mails as customers write them to a support desk, for the mail intake benchmark: each with its own
 * Message-ID and sender, in English, Vietnamese, Greek, Persian or Italian, encoded as mail clients do
 * (RFC 2047 subjects and names, base64 or quoted-printable bodies). About one in five brings a small PDF,
 * one in ten is HTML only and one in ten multipart/alternative (text and HTML); the rest are plain text.
 *
 * <p>Every mail has a sender of its own: the desk holds a sender's 21st new case within an hour for an
 * admin, and a benchmark that tripped that rule would time the hold, not the intake.
 */
final class SupportMails {

    /** One mail: its Message-ID as the desk records it (no angle brackets), its sender and its bytes. */
    record SupportMail(String messageId, String from, byte[] raw) {
    }

    private record Person(String name, String localPart) {
    }

    private record Template(String subject, String body) {
    }

    private record Language(List<Person> people, List<String> domains, List<Template> templates, boolean rightToLeft) {
    }

    private static final List<Language> LANGUAGES = List.of(english(), vietnamese(), greek(), persian(), italian());
    private static final int PEOPLE = 10;
    private static final int DOMAINS = 6;
    /** Distinct (language, person, domain) senders before the addresses take a number to stay unique. */
    private static final int SENDERS = LANGUAGES.size() * PEOPLE * DOMAINS;
    private static final String[] MAILERS = { "Mozilla Thunderbird 128.5.0", "Microsoft Outlook 16.0",
            "Apple Mail (2.3776)", "K-9 Mail for Android", "Roundcube Webmail/1.6.9" };
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** Keeps this run's Message-IDs apart from any other run's, as a mail client's random part does. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String to;
    private int next;
    private long bytes;

    SupportMails(String to) {
        this.to = to;
    }

    /** The next mail, different from every earlier one; the same sequence for every run but for the ids. */
    synchronized SupportMail next() {
        SupportMail mail = mail(next++);
        bytes += mail.raw().length;
        return mail;
    }

    /** The average size of the mails made so far, in bytes. */
    synchronized long averageSize() {
        return next == 0 ? 0 : bytes / next;
    }

    private SupportMail mail(int i) {
        Language language = LANGUAGES.get(i % LANGUAGES.size());
        Person person = language.people().get(i / LANGUAGES.size() % PEOPLE);
        String domain = language.domains().get(i / (LANGUAGES.size() * PEOPLE) % DOMAINS);
        int round = i / SENDERS;
        String address = person.localPart() + (round == 0 ? "" : "." + round) + "@" + domain;
        Random random = new Random(i);
        String number = String.valueOf(100_000 + random.nextInt(900_000));
        Template template = language.templates().get(random.nextInt(language.templates().size()));
        String subject = template.subject().replace("{n}", number);
        String text = template.body().replace("{n}", number).replace("{name}", person.name());
        String messageId = run + "." + i + "." + Long.toHexString(random.nextLong() >>> 16) + "@" + domain;

        StringBuilder mail = new StringBuilder();
        header(mail, "From", encodedWords(person.name()) + " <" + address + ">");
        header(mail, "To", "Support <" + to + ">");
        header(mail, "Subject", encodedWords(subject));
        header(mail, "Date", DATE.format(ZonedDateTime.now()));
        header(mail, "Message-ID", "<" + messageId + ">");
        header(mail, "X-Mailer", MAILERS[i % MAILERS.length]);
        header(mail, "MIME-Version", "1.0");
        switch (random.nextInt(10)) { // drawn, not i % 10, which would tie each shape to one language
            case 0, 5 -> withPdf(mail, text, number, i);
            case 2 -> htmlOnly(mail, text, language.rightToLeft());
            case 7 -> alternative(mail, text, language.rightToLeft(), i);
            default -> textPart(mail, text, i);
        }
        return new SupportMail(messageId, address, mail.toString().getBytes(US_ASCII));
    }

    private static void withPdf(StringBuilder mail, String text, String number, int i) {
        String boundary = "----=_Part_" + i + "_mixed";
        header(mail, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
        mail.append("\r\nThis is a multi-part message in MIME format.\r\n");
        mail.append("--").append(boundary).append("\r\n");
        textPart(mail, text, i);
        mail.append("--").append(boundary).append("\r\n");
        String file = (i % 2 == 0 ? "invoice-" : "error-report-") + number + ".pdf";
        header(mail, "Content-Type", "application/pdf; name=\"" + file + "\"");
        header(mail, "Content-Disposition", "attachment; filename=\"" + file + "\"");
        header(mail, "Content-Transfer-Encoding", "base64");
        mail.append("\r\n").append(base64(SmallPdf.saying(file.replace(".pdf", "")))).append("\r\n");
        mail.append("--").append(boundary).append("--\r\n");
    }

    private static void htmlOnly(StringBuilder mail, String text, boolean rightToLeft) {
        header(mail, "Content-Type", "text/html; charset=UTF-8");
        header(mail, "Content-Transfer-Encoding", "base64");
        mail.append("\r\n").append(base64(html(text, rightToLeft).getBytes(UTF_8))).append("\r\n");
    }

    private static void alternative(StringBuilder mail, String text, boolean rightToLeft, int i) {
        String boundary = "----=_Part_" + i + "_alternative";
        header(mail, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        mail.append("\r\n--").append(boundary).append("\r\n");
        textPart(mail, text, i);
        mail.append("--").append(boundary).append("\r\n");
        header(mail, "Content-Type", "text/html; charset=UTF-8");
        header(mail, "Content-Transfer-Encoding", "quoted-printable");
        mail.append("\r\n").append(quotedPrintable(html(text, rightToLeft))).append("\r\n");
        mail.append("--").append(boundary).append("--\r\n");
    }

    /** A text/plain part (headers and body); clients differ in the transfer encoding they choose. */
    private static void textPart(StringBuilder mail, String text, int i) {
        header(mail, "Content-Type", "text/plain; charset=UTF-8" + (i % 3 == 0 ? "; format=flowed" : ""));
        if (i % 2 == 0) {
            header(mail, "Content-Transfer-Encoding", "base64");
            mail.append("\r\n").append(base64(text.replace("\n", "\r\n").getBytes(UTF_8))); // canonical line ends
        } else {
            header(mail, "Content-Transfer-Encoding", "quoted-printable");
            mail.append("\r\n").append(quotedPrintable(text));
        }
        mail.append("\r\n");
    }

    private static String html(String text, boolean rightToLeft) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body")
                .append(rightToLeft ? " dir=\"rtl\"" : "").append(">");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static void header(StringBuilder mail, String name, String value) {
        mail.append(name).append(": ").append(value).append("\r\n");
    }

    /**
     * A header text as RFC 2047 encoded words where it is not plain ASCII: each word at most 75 characters,
     * never splitting a character, folded onto continuation lines.
     */
    static String encodedWords(String text) {
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return text;
        }
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String character = Character.toString(cp);
            if (chunk.toString().concat(character).getBytes(UTF_8).length > 45) { // 45 bytes: 60 in base64
                words.add(encodedWord(chunk.toString()));
                chunk.setLength(0);
            }
            chunk.append(character);
        });
        words.add(encodedWord(chunk.toString()));
        return String.join("\r\n ", words);
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(UTF_8)) + "?=";
    }

    private static String base64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    /** RFC 2045 quoted-printable of UTF-8 text: lines kept as CRLF, soft breaks before 76 characters. */
    static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            int column = 0;
            byte[] bytes = lines[l].getBytes(UTF_8);
            for (int b = 0; b < bytes.length; b++) {
                int c = bytes[b] & 0xff;
                boolean lastOnLine = b == bytes.length - 1;
                String encoded = c == '=' || c > 126 || c < 32 || (lastOnLine && c == ' ')
                        ? "=%02X".formatted(c) : String.valueOf((char) c);
                if (column + encoded.length() > 75) {
                    out.append("=\r\n");
                    column = 0;
                }
                out.append(encoded);
                column += encoded.length();
            }
            if (l < lines.length - 1) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    private static List<Person> people(String... namesAndLocalParts) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < namesAndLocalParts.length; i += 2) {
            people.add(new Person(namesAndLocalParts[i], namesAndLocalParts[i + 1]));
        }
        return people;
    }

    private static Language english() {
        return new Language(people("Emma Clarke", "emma.clarke", "Oliver Bennett", "oliver.bennett", "Grace Turner",
                "grace.turner", "James Whitaker", "j.whitaker", "Sophie Hughes", "sophie.hughes", "Daniel Foster",
                "dan.foster", "Chloe Morgan", "chloe.morgan", "Samuel Price", "sam.price", "Lucy Barnes", "lucy.barnes",
                "Henry Walsh", "henry.walsh"),
                List.of("northwind.example", "brightpath.example.co.uk", "harbourfreight.example", "mail.example.com",
                        "lakeside-dental.example", "greenleaf.example.org"),
                List.of(new Template("Invoice {n} charged twice",
                        "Hello,\n\nour company card was charged twice for invoice {n} this month. Could you refund the"
                                + " second payment? The bank statement shows both on the same day.\n\nThanks,\n{name}"),
                        new Template("Sync stopped after the update",
                                "Hi,\n\nsince yesterday's update the desktop app no longer syncs: it shows \"waiting for"
                                        + " server\" for ever. Restarting the laptop did not help. Our account number is"
                                        + " {n}.\n\nBest regards,\n{name}"),
                        new Template("Cannot log in with single sign-on",
                                "Good morning,\n\nnone of our 14 users can log in with single sign-on since 8:30. The"
                                        + " login page says \"invalid assertion\". Password login still works.\n\n"
                                        + "Kind regards,\n{name}\nIT, account {n}")),
                false);
    }

    private static Language vietnamese() {
        return new Language(people("Nguyễn Văn An", "an.nguyen", "Trần Thị Bích", "bich.tran", "Lê Minh Khoa",
                "khoa.le", "Phạm Thu Hà", "ha.pham", "Hoàng Đức Long", "long.hoang", "Vũ Ngọc Lan", "lan.vu",
                "Đặng Quốc Bảo", "bao.dang", "Bùi Thanh Hương", "huong.bui", "Đỗ Hải Nam", "nam.do", "Ngô Mai Anh",
                "anh.ngo"),
                List.of("saigonlogistics.example.vn", "hanoi-tech.example", "mekong-foods.example.vn", "mail.example.vn",
                        "danang-hotel.example", "vinasoft.example"),
                List.of(new Template("Không đăng nhập được vào tài khoản",
                        "Chào bộ phận hỗ trợ,\n\nTừ sáng nay tôi không đăng nhập được, hệ thống báo sai mật khẩu dù tôi"
                                + " đã đặt lại hai lần. Mã khách hàng của tôi là {n}.\n\nCảm ơn,\n{name}"),
                        new Template("Hóa đơn {n} bị tính sai",
                                "Xin chào,\n\nHóa đơn số {n} tính phí cho 12 người dùng nhưng công ty chúng tôi chỉ có"
                                        + " 8 người. Vui lòng kiểm tra và điều chỉnh giúp.\n\nTrân trọng,\n{name}"),
                        new Template("Ứng dụng không đồng bộ dữ liệu",
                                "Chào anh chị,\n\nSau bản cập nhật hôm qua, ứng dụng trên điện thoại không còn đồng bộ"
                                        + " dữ liệu với máy tính. Đơn hàng {n} không hiện trên máy tính.\n\n"
                                        + "Trân trọng,\n{name}")),
                false);
    }

    private static Language greek() {
        return new Language(people("Γιώργος Παπαδόπουλος", "giorgos.papadopoulos", "Μαρία Κωνσταντίνου",
                "maria.konstantinou", "Νίκος Γεωργίου", "nikos.georgiou", "Ελένη Δημητρίου", "eleni.dimitriou",
                "Κώστας Αντωνίου", "kostas.antoniou", "Σοφία Νικολάου", "sofia.nikolaou", "Δημήτρης Ιωάννου",
                "d.ioannou", "Κατερίνα Βασιλείου", "katerina.vasileiou", "Γιάννης Μακρής", "giannis.makris",
                "Άννα Οικονόμου", "anna.oikonomou"),
                List.of("athens-pharma.example.gr", "thessaloniki-ports.example", "aegean-travel.example",
                        "mail.example.gr", "cretan-oil.example", "patras-print.example.gr"),
                List.of(new Template("Διπλή χρέωση στο τιμολόγιο {n}",
                        "Καλησπέρα σας,\n\nη εταιρική μας κάρτα χρεώθηκε δύο φορές για το τιμολόγιο {n}. Παρακαλώ"
                                + " επιστρέψτε τη δεύτερη χρέωση.\n\nΕυχαριστώ,\n{name}"),
                        new Template("Πρόβλημα σύνδεσης μετά την ενημέρωση",
                                "Γεια σας,\n\nμετά την τελευταία ενημέρωση δεν μπορώ να συνδεθώ στην εφαρμογή."
                                        + " Εμφανίζεται το μήνυμα «σφάλμα διακομιστή». Αριθμός πελάτη: {n}.\n\n"
                                        + "Με εκτίμηση,\n{name}"),
                        new Template("Ο εκτυπωτής δεν τυπώνει τις ετικέτες",
                                "Καλημέρα,\n\nο εκτυπωτής της αποθήκης δεν τυπώνει πια τις ετικέτες αποστολής· η ουρά"
                                        + " μένει κολλημένη στην παραγγελία {n}.\n\nΦιλικά,\n{name}")),
                false);
    }

    private static Language persian() {
        return new Language(people("سارا احمدی", "sara.ahmadi", "علی رضایی", "ali.rezaei", "مریم حسینی",
                "maryam.hosseini", "رضا کریمی", "reza.karimi", "زهرا محمدی", "zahra.mohammadi", "امیر جعفری",
                "amir.jafari", "نگار موسوی", "negar.mousavi", "حسین نوری", "hossein.nouri", "فاطمه صادقی",
                "fatemeh.sadeghi", "مهدی کاظمی", "mehdi.kazemi"),
                List.of("tehran-textiles.example", "isfahan-carpets.example.ir", "shiraz-gardens.example",
                        "mail.example.ir", "tabriz-steel.example", "caspian-trade.example"),
                List.of(new Template("مشکل ورود به حساب کاربری",
                        "سلام،\n\nاز دیروز نمی‌توانم وارد حساب کاربری‌ام شوم و پیام «رمز عبور نادرست است» نمایش داده"
                                + " می‌شود. شماره مشتری من {n} است.\n\nبا سپاس،\n{name}"),
                        new Template("فاکتور {n} دو بار پرداخت شده",
                                "با سلام،\n\nمبلغ فاکتور شماره {n} دو بار از کارت ما کسر شده است. لطفاً مبلغ اضافه را"
                                        + " بازگردانید.\n\nممنون،\n{name}"),
                        new Template("همگام‌سازی فایل‌ها متوقف شده است",
                                "سلام وقت بخیر،\n\nپس از به‌روزرسانی دیروز، فایل‌های ما دیگر همگام‌سازی نمی‌شوند."
                                        + " سفارش {n} روی رایانه دیده نمی‌شود.\n\nارادتمند،\n{name}")),
                true);
    }

    private static Language italian() {
        return new Language(people("Giulia Rossi", "giulia.rossi", "Marco Bianchi", "m.bianchi", "Francesca Romano",
                "francesca.romano", "Luca Colombo", "luca.colombo", "Chiara Ricci", "chiara.ricci", "Matteo Greco",
                "matteo.greco", "Sara Bruno", "sara.bruno", "Alessandro Gallo", "a.gallo", "Elena Conti",
                "elena.conti", "Davide Marino", "davide.marino"),
                List.of("milano-moda.example.it", "torino-meccanica.example", "napoli-caffe.example",
                        "mail.example.it", "bologna-stampa.example", "venezia-vetro.example.it"),
                List.of(new Template("Fattura {n} addebitata due volte",
                        "Buongiorno,\n\nla fattura n. {n} ci è stata addebitata due volte sulla carta aziendale. Potete"
                                + " rimborsare il secondo addebito?\n\nGrazie e cordiali saluti,\n{name}"),
                        new Template("La stampante non stampa più le etichette",
                                "Salve,\n\ndopo l'aggiornamento di ieri la stampante del magazzino non stampa più le"
                                        + " etichette di spedizione: la coda resta bloccata sull'ordine {n}.\n\n"
                                        + "Cordiali saluti,\n{name}"),
                        new Template("Impossibile esportare il report mensile",
                                "Gentile assistenza,\n\nl'esportazione del report mensile in Excel si interrompe al"
                                        + " 90% con l'errore «timeout». Codice cliente {n}.\n\nUn saluto,\n{name}")),
                false);
    }
}
