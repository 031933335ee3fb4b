package io.caseswarm.cases.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client's file name, made safe to show and to save, keeping every script. */
class FileNamesTest {

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(FileNames.sanitised("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitised("C:\\Users\\ada\\Hóa đơn.pdf")).isEqualTo("Hóa đơn.pdf");
        assertThat(FileNames.sanitised("..")).isEqualTo("attachment");
        assertThat(FileNames.sanitised("dir/")).isEqualTo("attachment");
        assertThat(FileNames.sanitised(null)).isEqualTo("attachment");
    }

    @Test
    void invisibleAndReservedCharactersGoAndScriptsStay() {
        assertThat(FileNames.sanitised("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitised("line\r\nbreak\u0000.txt")).isEqualTo("linebreak.txt");
        assertThat(FileNames.sanitised("Re: \"urgent\" <1>|?*.eml")).isEqualTo("Re_ _urgent_ _1____.eml");
        assertThat(FileNames.sanitised("فاکتور\u200Cها.pdf")).isEqualTo("فاکتور\u200Cها.pdf"); // ZWNJ is Persian spelling
        assertThat(FileNames.sanitised("Ho\u0301a.pdf")).isEqualTo("Hóa.pdf"); // composed, as tags are
    }

    @Test
    void aLongNameIsCutBeforeItsExtensionWithoutSplittingACharacter() {
        String name = FileNames.sanitised("😀".repeat(250) + ".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).endsWith("😀.pdf");
    }
}
