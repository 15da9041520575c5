package se.stegvis.notebook;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import se.stegvis.charts.SeminarChart;
import se.stegvis.metrics.MetricResult;
import se.stegvis.metrics.MetricTable;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Renderers for the JJava kernel: our charts and plain XChart charts as PNG, Tablesaw tables,
 * metric results and metric tables as HTML. Loaded from META-INF/services (the jar is on the kernel's
 * class path). Every chart shown is also saved as PNG and SVG when STEGVIS_CHARTS_DIR is set (the
 * seminar runner sets it).
 */
public final class StegvisExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        var renderer = kernel.getRenderer();
        renderer.createRegistration(SeminarChart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ChartArchive.fromEnvironment().ifPresent(a -> a.keep(chart));
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(chart.toPng()));
                    ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> chart.toSvg());
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> chart.toString());
                });
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((chart, ctx) -> ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> png((Chart<?, ?>) chart)));
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.render(table, Stegvis.lang()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print());
                });
        renderer.createRegistration(MetricResult.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((result, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> MetricHtml.render(result, Stegvis.lang()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> result.toTable().print());
                });
        renderer.createRegistration(Html.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((html, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, html::html));
        renderer.createRegistration(MetricTable.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> MetricHtml.render(table, Stegvis.lang()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.toTable().print());
                });
    }

    private static String png(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
