package io.chatforge.im.media.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void aLargePicture_getsItsSize_andAThumbnailWhoseLongestSideIs320() throws Exception {
        var picture = Thumbnails.of(new ByteArrayInputStream(png(1200, 900))).orElseThrow();

        assertThat(picture.width()).isEqualTo(1200);
        assertThat(picture.height()).isEqualTo(900);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(picture.thumbnail()));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
    }

    @Test
    void aSmallPicture_isNeverEnlarged_andATallOneKeepsItsShape() throws Exception {
        var small = Thumbnails.of(new ByteArrayInputStream(png(40, 30))).orElseThrow();
        var tall = Thumbnails.of(new ByteArrayInputStream(png(300, 1500))).orElseThrow();

        assertThat(ImageIO.read(new ByteArrayInputStream(small.thumbnail())).getWidth())
                .isEqualTo(40);
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(tall.thumbnail()));
        assertThat(t.getHeight()).isEqualTo(320);
        assertThat(t.getWidth()).isEqualTo(64);
    }

    @Test
    void bytesThatAreNoPicture_giveNothing() throws Exception {
        assertThat(Thumbnails.of(new ByteArrayInputStream("not a picture".getBytes())))
                .isEmpty();
    }

    private static byte[] png(int w, int h) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }
}
