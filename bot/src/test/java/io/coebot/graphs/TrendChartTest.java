package io.coebot.graphs;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The weekly report's trend chart: a PNG of the expected size, its lines in the milestones' colours where the medians are. */
class TrendChartTest {
    @Test
    void aPngOfTheExpectedSizeWithBothLinesWhereTheMediansAre() throws IOException {
        Instant first = Instant.parse("2026-09-07T09:00:00Z");
        List<TrendChart.Point> weeks = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            weeks.add(new TrendChart.Point(first.plus(Duration.ofDays(7L * w)), w == 3 ? null : 10.0, 60.0));
        }
        byte[] png = TrendChart.png("Median time to detect and mitigate", "last 12 weeks", weeks);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(TrendChart.WIDTH, image.getWidth());
        assertEquals(TrendChart.HEIGHT, image.getHeight());
        Picture p = TrendChart.draw("t", null, weeks);
        int x = p.x(first.plus(Duration.ofDays(7L * 8 + 3)));
        assertEquals(TrendChart.MITIGATE.getRGB() & 0xFFFFFF, p.rgb(x, p.y(60)));
        assertEquals(TrendChart.DETECT.getRGB() & 0xFFFFFF, p.rgb(x, p.y(10)));
    }
}
