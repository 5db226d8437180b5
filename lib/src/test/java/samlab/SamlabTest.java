package samlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SamlabTest {
    @Test
    void jvmFlagsAreThePomProperty() throws Exception {
        // surefire runs in lib/: the parent pom is the one place the flags are written
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<samlab.jvm.flags>(.*?)</samlab.jvm.flags>").matcher(pom);
        assertTrue(m.find(), "no samlab.jvm.flags in pom.xml");
        assertEquals(List.of(m.group(1).trim().split("\\s+")), Samlab.jvmFlags());
        assertTrue(Samlab.jvmFlags().contains("--enable-native-access=ALL-UNNAMED"));
    }
}
