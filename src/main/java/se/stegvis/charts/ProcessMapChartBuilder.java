package se.stegvis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A process map: milestones as boxes (label and n), the directly-follows edges between them with
 * width proportional to the number of people and labelled "median d (75th percentile d), n", the
 * bottleneck edge in vermillion, hidden edges dashed grey with "&lt;5" or "..". Laid out by Eclipse
 * ELK's layered (Sugiyama) algorithm, top to bottom or left to right, whichever lets the drawing
 * be largest in the plot area; drawn with Java2D, so PNG and SVG come from the same painting.
 */
public final class ProcessMapChartBuilder extends ChartBuilder<ProcessMapChartBuilder> {

    /** A milestone; count is -1 when hidden. */
    public record Node(String id, String label, long count, Hidden hidden) {
    }

    /** An edge; count, median and p75 are -1 / NaN when hidden or unknown. */
    public record Edge(String from, String to, long count, double medianDays, double p75Days, Hidden hidden,
                       boolean bottleneck) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private double minorShare = 0.05;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** A milestone box: id as in {@link #edge}, its label and how many reached it. */
    public ProcessMapChartBuilder node(String id, String label, long count, Hidden hidden) {
        nodes.put(id, new Node(id, label, hidden.hidden() ? -1 : count, hidden));
        return this;
    }

    /** A directly-follows edge between two nodes given with {@link #node}. */
    public ProcessMapChartBuilder edge(String from, String to, long count, double medianDays, double p75Days,
                                       Hidden hidden, boolean bottleneck) {
        if (!nodes.containsKey(from) || !nodes.containsKey(to)) {
            throw new IllegalArgumentException("edge " + from + " -> " + to + ": add both nodes first");
        }
        boolean h = hidden.hidden();
        edges.add(new Edge(from, to, h ? -1 : count, h ? Double.NaN : medianDays, h ? Double.NaN : p75Days, hidden,
                bottleneck && !h));
        return this;
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /**
     * Edges carrying less than this share of the people at their start are left out of the
     * drawing and counted in a footnote (default 0.05; 0 draws every edge). Hidden edges are
     * always drawn, as hidden.
     */
    public ProcessMapChartBuilder minorShare(double share) {
        this.minorShare = share;
        return this;
    }

    /** The edges drawn: hidden ones and those carrying at least {@link #minorShare} of their start. */
    List<Edge> drawnEdges() {
        return edges.stream().filter(e -> !isMinor(e)).toList();
    }

    private boolean isMinor(Edge e) {
        Node from = nodes.get(e.from());
        return !e.hidden().hidden() && !e.bottleneck() && from.count() > 0 && e.count() < minorShare * from.count();
    }

    @Override
    protected List<String> derivedNotes() {
        List<Edge> minor = edges.stream().filter(this::isMinor).toList();
        if (minor.isEmpty()) {
            return List.of();
        }
        long people = minor.stream().mapToLong(Edge::count).sum();
        String share = theme.formats().percent(minorShare, 0);
        return List.of(t("Visas inte: " + minor.size() + " mindre vägar (under " + share + " av dem som nått sin "
                        + "startpunkt), sammanlagt " + theme.formats().count(people) + " steg.",
                "Not drawn: " + minor.size() + " minor paths (under " + share + " of those at their start), "
                        + theme.formats().count(people) + " steps in all."));
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return Stream.concat(nodes.values().stream().map(Node::hidden), edges.stream().map(Edge::hidden));
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<Node> ns = List.copyOf(nodes.values());
        List<Edge> es = drawnEdges();
        return (c, area) -> paint(c, area, ns, es);
    }

    /** "33 d (53 d)" over "n = 991": median and 75th percentile, then the count; "<5" when hidden. */
    private static List<String> edgeLabel(Edge e, SeminarTheme th) {
        Formats f = th.formats();
        if (e.hidden().hidden()) {
            return List.of(e.hidden().label(th));
        }
        String n = "n = " + f.count(e.count());
        if (Double.isNaN(e.medianDays())) {
            return List.of(n);
        }
        String p75 = Double.isNaN(e.p75Days()) ? "" : " (" + f.decimal(e.p75Days(), 0) + " d)";
        return List.of(f.decimal(e.medianDays(), 0) + " d" + p75 + ",", n);
    }

    private void paint(Canvas c, Rectangle2D whole, List<Node> ns, List<Edge> es) {
        SeminarTheme th = c.theme();
        Legend legend = new Legend()
                .add(t("Tjocklek: antal personer", "Width: number of people"), Palette.BLUE, Legend.Key.LINE)
                .add(t("Flaskhals (långsammaste huvudvägen)", "Bottleneck (slowest main path)"), Palette.VERMILLION,
                        Legend.Key.LINE);
        if (es.stream().anyMatch(e -> e.hidden().hidden())) {
            legend.add(t("Dold: färre än " + th.suppressionThreshold(), "Hidden: fewer than " + th.suppressionThreshold()),
                    Palette.SUPPRESSED_HATCH, Legend.Key.DASHED);
        }
        Rectangle2D area = legend.draw(c, whole);
        if (ns.isEmpty()) {
            return;
        }
        Font nodeFont = th.axisTitleFont().deriveFont(Font.BOLD);
        Font countFont = th.tickFont();
        Font edgeFont = th.tickFont();
        Layout best = null;
        // Top to bottom, left to right, and left to right wrapped into rows: the one drawn largest wins.
        for (int candidate = 0; candidate < 3; candidate++) {
            Layout l = layout(c, ns, es, candidate == 0 ? Direction.DOWN : Direction.RIGHT,
                    candidate == 2 ? area.getWidth() / area.getHeight() : 0, nodeFont, countFont, edgeFont);
            l.scale = Math.min(1.0, Math.min(area.getWidth() / l.width, area.getHeight() / l.height));
            if (best == null || l.scale > best.scale + 1e-9) {
                best = l;
            }
        }
        double s = best.scale;
        double dx = area.getX() + (area.getWidth() - best.width * s) / 2;
        double dy = area.getY() + (area.getHeight() - best.height * s) / 2;
        Canvas g = c.transformed(dx, dy, s);
        long maxCount = Math.max(1, es.stream().mapToLong(Edge::count).max().orElse(1));
        double maxWidth = th.px(26);
        double minWidth = th.px(3);
        // Thin edges first, so thick ones and the bottleneck lie on top.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < es.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int byBottleneck = Boolean.compare(es.get(a).bottleneck(), es.get(b).bottleneck());
            return byBottleneck != 0 ? byBottleneck : Long.compare(es.get(a).count(), es.get(b).count());
        });
        for (int i : order) {
            Edge e = es.get(i);
            List<Point2D> pts = best.points.get(i);
            if (pts.size() < 2) {
                continue;
            }
            double w = e.hidden().hidden() ? minWidth : Math.max(minWidth, maxWidth * e.count() / maxCount);
            Color colour = e.bottleneck() ? Palette.VERMILLION
                    : e.hidden().hidden() ? Palette.SUPPRESSED_HATCH : Palette.translucent(Palette.BLUE, 170);
            BasicStroke stroke = e.hidden().hidden()
                    ? new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[]{(float) th.px(12), (float) th.px(8)}, 0f)
                    : new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
            double arrow = Math.max(w, th.px(8)) * 1.5 + th.px(8);
            g.g().setColor(colour);
            g.g().setStroke(stroke);
            g.g().draw(path(pts, arrow * 0.8));
            arrowHead(g, pts.get(pts.size() - 2), pts.get(pts.size() - 1), colour, arrow);
        }
        for (int i = 0; i < es.size(); i++) {
            Rectangle2D box = best.labels.get(i);
            if (box == null) {
                continue;
            }
            Edge e = es.get(i);
            Color colour = e.bottleneck() ? Palette.VERMILLION : e.hidden().hidden() ? Palette.MUTED_TEXT : Palette.TEXT;
            Font font = e.bottleneck() ? edgeFont.deriveFont(Font.BOLD) : edgeFont;
            List<String> lines = edgeLabel(e, th);
            g.g().setColor(new Color(255, 255, 255, 225));
            g.g().fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), th.px(8),
                    th.px(8)));
            double lh = g.lineHeight(font);
            double y = box.getY() + (box.getHeight() - lines.size() * lh) / 2 + g.ascent(font);
            for (String line : lines) {
                g.text(line, box.getCenterX(), y, font, colour, Canvas.Align.CENTER);
                y += lh;
            }
        }
        for (Node n : ns) {
            Rectangle2D r = best.boxes.get(n.id());
            RoundRectangle2D shape = new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(),
                    th.px(18), th.px(18));
            g.g().setColor(new Color(0xF2F6FA));
            g.g().fill(shape);
            g.g().setColor(Palette.TEXT);
            g.g().setStroke(new BasicStroke((float) Math.max(1.5, th.px(2.5))));
            g.g().draw(shape);
            List<String> lines = best.nodeLines.get(n.id());
            double lh = g.lineHeight(nodeFont);
            double y = r.getY() + th.px(10) + g.ascent(nodeFont);
            for (String line : lines) {
                g.text(line, r.getCenterX(), y, nodeFont, Palette.TEXT, Canvas.Align.CENTER);
                y += lh;
            }
            String count = n.hidden().hidden() ? n.hidden().label(th) : "n = " + th.formats().count(n.count());
            g.text(count, r.getCenterX(), y - lh + g.lineHeight(countFont) + th.px(2), countFont, Palette.MUTED_TEXT,
                    Canvas.Align.CENTER);
        }
        g.g().dispose();
    }

    /** The polyline through pts, its last segment shortened by {@code cut} (where the arrow head sits). */
    private static Path2D path(List<Point2D> pts, double cut) {
        Path2D p = new Path2D.Double();
        p.moveTo(pts.get(0).getX(), pts.get(0).getY());
        for (int k = 1; k < pts.size() - 1; k++) {
            p.lineTo(pts.get(k).getX(), pts.get(k).getY());
        }
        Point2D a = pts.get(pts.size() - 2);
        Point2D b = pts.get(pts.size() - 1);
        double len = a.distance(b);
        double f = len == 0 ? 1 : Math.max(0, (len - cut) / len);
        p.lineTo(a.getX() + (b.getX() - a.getX()) * f, a.getY() + (b.getY() - a.getY()) * f);
        return p;
    }

    /** A filled triangle at the end of an edge, pointing along its last segment. */
    private static void arrowHead(Canvas g, Point2D from, Point2D to, Color colour, double size) {
        Point2D[] end = {from, to};
        double ax = end[1].getX() - end[0].getX();
        double ay = end[1].getY() - end[0].getY();
        double len = Math.hypot(ax, ay);
        if (len == 0) {
            return;
        }
        ax /= len;
        ay /= len;
        double bx = end[1].getX() - ax * size;
        double by = end[1].getY() - ay * size;
        GeneralPath p = new GeneralPath();
        p.moveTo(end[1].getX(), end[1].getY());
        p.lineTo(bx - ay * size * 0.55, by + ax * size * 0.55);
        p.lineTo(bx + ay * size * 0.55, by - ax * size * 0.55);
        p.closePath();
        g.g().setColor(colour);
        g.g().fill(p);
    }

    /** Where ELK put everything, in its own coordinates, and the scale that fits it into the plot. */
    private static final class Layout {
        final Map<String, Rectangle2D> boxes = new LinkedHashMap<>();
        final Map<String, List<String>> nodeLines = new LinkedHashMap<>();
        final List<List<Point2D>> points = new ArrayList<>();
        final List<Rectangle2D> labels = new ArrayList<>();
        double width;
        double height;
        double scale;
    }

    /** ELK's layered layout in the given direction; wrapped into rows towards aspectRatio when it is positive. */
    private Layout layout(Canvas c, List<Node> ns, List<Edge> es, Direction direction, double aspectRatio,
                          Font nodeFont, Font countFont, Font edgeFont) {
        SeminarTheme th = c.theme();
        Layout out = new Layout();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, direction);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        if (aspectRatio > 0) {
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
            root.setProperty(LayeredOptions.ASPECT_RATIO, aspectRatio);
        }
        root.setProperty(CoreOptions.SPACING_NODE_NODE, (double) th.px(40));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, (double) th.px(50));
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, (double) th.px(20));
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, (double) th.px(16));
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, (double) th.px(6));
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, (double) th.px(16));
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        double maxLine = th.px(170);
        for (Node n : ns) {
            List<String> lines = c.wrap(n.label(), nodeFont, maxLine);
            out.nodeLines.put(n.id(), lines);
            double w = lines.stream().mapToDouble(l -> c.width(l, nodeFont)).max().orElse(0);
            w = Math.max(w, c.width("n = 0 000", countFont)) + th.px(32);
            double h = lines.size() * c.lineHeight(nodeFont) + c.lineHeight(countFont) + th.px(22);
            ElkNode en = ElkGraphUtil.createNode(root);
            en.setIdentifier(n.id());
            en.setDimensions(w, h);
            elkNodes.put(n.id(), en);
        }
        List<ElkEdge> elkEdges = new ArrayList<>();
        List<ElkLabel> elkLabels = new ArrayList<>();
        for (Edge e : es) {
            ElkEdge ee = ElkGraphUtil.createSimpleEdge(elkNodes.get(e.from()), elkNodes.get(e.to()));
            List<String> lines = edgeLabel(e, th);
            Font font = e.bottleneck() ? edgeFont.deriveFont(Font.BOLD) : edgeFont;
            ElkLabel label = ElkGraphUtil.createLabel(String.join(" ", lines), ee);
            label.setDimensions(lines.stream().mapToDouble(l -> c.width(l, font)).max().orElse(0) + th.px(12),
                    lines.size() * c.lineHeight(font) + th.px(4));
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            elkEdges.add(ee);
            elkLabels.add(label);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        out.width = root.getWidth();
        out.height = root.getHeight();
        for (var en : elkNodes.entrySet()) {
            ElkNode n = en.getValue();
            out.boxes.put(en.getKey(), new Rectangle2D.Double(n.getX(), n.getY(), n.getWidth(), n.getHeight()));
        }
        for (int i = 0; i < elkEdges.size(); i++) {
            ElkEdge ee = elkEdges.get(i);
            List<Point2D> pts = new ArrayList<>();
            if (!ee.getSections().isEmpty()) {
                ElkEdgeSection s = ee.getSections().get(0);
                pts.add(new Point2D.Double(s.getStartX(), s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    pts.add(new Point2D.Double(b.getX(), b.getY()));
                }
                pts.add(new Point2D.Double(s.getEndX(), s.getEndY()));
            }
            out.points.add(pts);
            ElkLabel l = elkLabels.get(i);
            out.labels.add(new Rectangle2D.Double(l.getX(), l.getY(), l.getWidth(), l.getHeight()));
        }
        return out;
    }
}
