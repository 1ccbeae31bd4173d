package io.coebot.graphs;

import org.jfree.chart.plot.XYPlot;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;

/**
 * A drawn chart, with where its plot landed: the golden tests look at the colour at a given time and value (the
 * pixels the chart library chooses for them) rather than at fixed coordinates that any change of font or legend
 * would move.
 */
record Picture(BufferedImage image, XYPlot plot, Rectangle2D dataArea) {

    int x(Instant at) {
        return (int) Math.round(plot.getDomainAxis().valueToJava2D(at.toEpochMilli(), dataArea, plot.getDomainAxisEdge()));
    }

    int y(double value) {
        return (int) Math.round(plot.getRangeAxis().valueToJava2D(value, dataArea, plot.getRangeAxisEdge()));
    }

    int rgb(int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    byte[] png() {
        return ChartStyle.png(image);
    }
}
