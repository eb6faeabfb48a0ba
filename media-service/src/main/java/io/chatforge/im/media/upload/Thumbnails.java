package io.chatforge.im.media.upload;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A picture's size and a JPEG thumbnail whose longest side is at most {@link #MAX_SIDE}, with the
 * JDK's ImageIO (JPEG, PNG, GIF, BMP). The size is read from the header first: a picture of more
 * than {@link #MAX_PIXELS} pixels is decoded subsampled, so a small file that claims a huge canvas
 * cannot take the heap. A format ImageIO does not read (WebP) gets neither.
 */
final class Thumbnails {
    static final int MAX_SIDE = 320;
    static final long MAX_PIXELS = 16_000_000L;

    private Thumbnails() {}

    record Picture(int width, int height, byte[] thumbnail) {}

    static Optional<Picture> of(InputStream bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                // decode no more than about twice the thumbnail's resolution
                int step = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
                while ((long) (width / step) * (height / step) > MAX_PIXELS) {
                    step++;
                }
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return Optional.of(new Picture(width, height, jpeg(scaled(image))));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The longest side at MAX_SIDE (never enlarged), on white where the picture was transparent. */
    static BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
