package io.coebot.graphs;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What every chart of coe-bot looks like, whatever machine draws it: headless AWT, and the DejaVu Sans font shipped
 * in the jar ({@code fonts/DejaVuSans.ttf}, Bitstream Vera licence beside it) rather than whatever fonts the host
 * happens to have, so a chart drawn in CI and in production has the same letters and the same layout.
 */
final class ChartStyle {
    static {
        // before the first AWT class loads: a server has no display, and asking for one would fail or hang
        System.setProperty("java.awt.headless", "true");
    }

    static final Font FONT = load();
    static final Color BACKGROUND = Color.WHITE;
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    /** Behind a marker's label, so the line under it does not strike it through. */
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    private ChartStyle() {
    }

    private static Font load() {
        try (InputStream in = ChartStyle.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("fonts/DejaVuSans.ttf is missing from the classpath");
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled chart font cannot be read", e);
        }
    }

    static Font font(int style, float size) {
        return FONT.deriveFont(style, size);
    }

    /** Every text of the chart in the bundled font, on white. */
    static void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("coe-bot");
        theme.setExtraLargeFont(font(Font.BOLD, 18f));
        theme.setLargeFont(font(Font.BOLD, 14f));
        theme.setRegularFont(font(Font.PLAIN, 12f));
        theme.setSmallFont(font(Font.PLAIN, 10f));
        theme.setChartBackgroundPaint(BACKGROUND);
        theme.setPlotBackgroundPaint(BACKGROUND);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
