package io.chatforge.im.media.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatforge.im.service.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class UploadRulesTest {
    private final UploadRules rules = new UploadRules(new MediaLimits(
            DataSize.ofMegabytes(20),
            DataSize.ofMegabytes(50),
            DataSize.ofMegabytes(200),
            DataSize.ofMegabytes(100),
            DataSize.ofGigabytes(2),
            30,
            null));

    @Test
    void eachKindHasItsOwnLimit() {
        assertThat(rules.check(request("image", "image/png", 20L * 1024 * 1024, "a.png"))
                        .size())
                .isEqualTo(20L * 1024 * 1024);
        assertThat(code(request("image", "image/png", 20L * 1024 * 1024 + 1, "a.png")))
                .isEqualTo("media_too_large");
        assertThat(rules.check(request("video", "video/mp4", 200L * 1024 * 1024, "v.mp4"))
                        .kind())
                .isEqualTo("video");
        assertThat(code(request("file", "application/zip", 100L * 1024 * 1024 + 1, "a.zip")))
                .isEqualTo("media_too_large");
    }

    @Test
    void contentTypes_areCheckedPerKind_normalised_andNeverScriptedDocumentsAsPictures() {
        assertThat(rules.check(request("image", "Image/PNG; charset=x", 10, "a.png"))
                        .contentType())
                .isEqualTo("image/png");
        assertThat(code(request("image", "image/svg+xml", 10, "a.svg"))).isEqualTo("unsupported_media_type");
        assertThat(code(request("audio", "video/mp4", 10, "a.mp4"))).isEqualTo("unsupported_media_type");
        assertThat(code(request("file", "text/html", 10, "a.html"))).isEqualTo("unsupported_media_type");
        assertThat(rules.check(request("file", "application/pdf", 10, "a.pdf")).contentType())
                .isEqualTo("application/pdf");
        assertThat(code(request("file", "not a type", 10, "a"))).isEqualTo("validation_failed");
        assertThat(code(request("sticker", "image/png", 10, "a"))).isEqualTo("validation_failed");
        assertThat(code(request("file", "text/plain", 0, "a"))).isEqualTo("validation_failed");
    }

    @Test
    void fileNames_loseTheirPath_controlAndBidiCharacters_andFitIn255Bytes() {
        assertThat(UploadRules.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadRules.fileName("C:\\Users\\me\\cv.pdf")).isEqualTo("cv.pdf");
        assertThat(UploadRules.fileName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(UploadRules.fileName("a\u0000b\nc\u200Bd.txt")).isEqualTo("abcd.txt");
        assertThat(UploadRules.fileName("say \"hi\".txt")).isEqualTo("say hi.txt");
        assertThat(UploadRules.fileName("..")).isEqualTo("file");
        assertThat(UploadRules.fileName(".hidden")).isEqualTo("hidden");
        assertThat(UploadRules.fileName(null)).isEqualTo("file");
        assertThat(UploadRules.fileName("🐱 猫.png")).isEqualTo("🐱 猫.png");

        String longName = UploadRules.fileName("猫".repeat(200) + ".jpeg");
        assertThat(longName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(longName).endsWith(".jpeg").startsWith("猫");
    }

    private String code(UploadRequest request) {
        try {
            rules.check(request);
        } catch (ApiProblem problem) {
            return problem.code();
        }
        throw new AssertionError("accepted: " + request);
    }

    private static UploadRequest request(String kind, String type, long size, String name) {
        return new UploadRequest(kind, type, size, name, null);
    }

    @Test
    void aMissingBody_isAValidationError() {
        assertThatThrownBy(() -> rules.check(null)).isInstanceOf(ApiProblem.class);
    }
}
