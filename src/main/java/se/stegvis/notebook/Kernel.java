package se.stegvis.notebook;

import se.stegvis.charts.SeminarTheme;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/**
 * The kernel JVM's entry point (kernel/stegvis-kernel): JJava's own main, with three changes that bring
 * the first chart sooner.
 * <ul>
 * <li>While JJava starts JShell and compiles its imports, a second thread loads what the first chart
 * needs anyway: DuckDB's native library, Java2D with the theme's fonts, the PNG writer, the data
 * dictionary.</li>
 * <li>JShell indexes every class on the class path and in the JDK in a background thread (a second of
 * CPU) for one feature, import suggestions, that JJava never asks for; that thread is kept idle.</li>
 * <li>When JJava returns (Jupyter closed the connection) the JVM exits: JJava's idle snippet thread
 * is not a daemon and would keep it alive another minute, so Jupyter waited seconds, then killed it.</li>
 * </ul>
 */
public final class Kernel {
    private static final String JJAVA_MAIN = "org.dflib.jjava.distro.JJava";
    private static final String JSHELL_ANALYSIS = "jdk.jshell.SourceCodeAnalysisImpl";

    private Kernel() {
    }

    public static void main(String[] args) throws Exception {
        Thread warmUp = new Thread(Kernel::warmUp, "stegvis-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        idleClassPathIndex();
        try {
            // JJava's distribution jar is on the kernel's class path, not on ours at compile time.
            Class.forName(JJAVA_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            // JJava could not start (say, a port taken meanwhile): end the JVM, whose other threads would keep
            // it alive, so that Jupyter sees the kernel die instead of waiting a minute for an answer.
            e.getCause().printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void warmUp() {
        try {
            Class.forName("org.duckdb.DuckDBNative");
            SeminarTheme theme = SeminarTheme.projector();
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Font font : List.of(theme.titleFont(), theme.tickFont(), theme.valueFont())) {
                g.setFont(font);
                g.drawString("Åäö 0–9 %", 2, 40);
            }
            g.dispose();
            ImageIO.write(image, "png", OutputStream.nullOutputStream());
            Class.forName(Labels.class.getName());
        } catch (ClassNotFoundException | IOException | RuntimeException | LinkageError e) {
            // Only a head start: the cell that needs any of it loads it and reports what fails.
        }
    }

    /** Occupies JShell's single indexing thread before JShell starts, so the index is never built. */
    private static void idleClassPathIndex() {
        try {
            // Readable because the kernel runs with --add-opens jdk.jshell/jdk.jshell, as JJava requires.
            Field indexer = Class.forName(JSHELL_ANALYSIS).getDeclaredField("INDEXER");
            indexer.setAccessible(true);
            CountDownLatch never = new CountDownLatch(1);
            ((ExecutorService) indexer.get(null)).submit(() -> {
                never.await();
                return null;
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another JDK's JShell: it indexes as usual.
        }
    }
}
