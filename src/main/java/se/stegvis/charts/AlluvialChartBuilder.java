package se.stegvis.charts;

import java.awt.Font;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An alluvial (Sankey) diagram of step flows: people on each entry step (left) flowing to their
 * latest step or exit destination (right), ribbon width proportional to the number of people.
 * XChart has no such chart, so it is drawn with Java2D. A hidden flow gets no ribbon; each node it
 * touches ends in a short hatched block (its size not shown) and shows no total.
 */
public final class AlluvialChartBuilder extends ChartBuilder<AlluvialChartBuilder> {

    /** One flow; count is -1 when hidden. */
    public record Flow(String from, String to, long count, Hidden hidden) {
        boolean suppressed() {
            return hidden.hidden();
        }
    }

    private final List<String> left = new ArrayList<>();
    private final List<String> right = new ArrayList<>();
    private final List<Flow> flows = new ArrayList<>();
    private String leftTitle;
    private String rightTitle;

    /** The node order, top to bottom, on each side (e.g. ladder steps; then exit destinations). */
    public AlluvialChartBuilder nodes(List<String> leftNodes, List<String> rightNodes) {
        left.clear();
        left.addAll(leftNodes);
        right.clear();
        right.addAll(rightNodes);
        return this;
    }

    public AlluvialChartBuilder columnTitles(String leftColumn, String rightColumn) {
        this.leftTitle = leftColumn;
        this.rightTitle = rightColumn;
        return this;
    }

    public AlluvialChartBuilder flow(String from, String to, long count) {
        return flow(from, to, count, false);
    }

    public AlluvialChartBuilder flow(String from, String to, long count, boolean suppressed) {
        return flow(from, to, count, Hidden.of(suppressed));
    }

    /** A flow with its disclosure state; a zero flow is left out. */
    public AlluvialChartBuilder flow(String from, String to, long count, Hidden hidden) {
        if (!left.contains(from)) {
            left.add(from);
        }
        if (!right.contains(to)) {
            right.add(to);
        }
        if (hidden.hidden() || count > 0) {
            flows.add(new Flow(from, to, hidden.hidden() ? -1 : count, hidden));
        }
        return this;
    }

    public List<Flow> flows() {
        return List.copyOf(flows);
    }

    @Override
    protected Stream<Hidden> hiddenCells() {
        return flows.stream().map(Flow::hidden);
    }

    @Override
    protected SeminarChart.PlotPainter plot() {
        List<String> l = List.copyOf(left);
        List<String> r = List.copyOf(right);
        List<Flow> fs = List.copyOf(flows);
        String lt = leftTitle != null ? leftTitle : t("Steg vid start", "Step at start");
        String rt = rightTitle != null ? rightTitle : t("Senaste steg eller avslut", "Latest step or exit");
        return (c, area) -> paint(c, area, l, r, fs, lt, rt);
    }

    /** A node's vertical extent (shown flows, then a stub for hidden ones) and where the next ribbon attaches. */
    private static final class Node {
        double top;
        double height;
        double stub;
        double cursor;
        long total;
        boolean touchesHidden;
    }

    private static void paint(Canvas c, Rectangle2D area, List<String> leftNodes, List<String> rightNodes,
                              List<Flow> flows, String leftTitle, String rightTitle) {
        SeminarTheme th = c.theme();
        Formats f = th.formats();
        Font label = th.axisTitleFont();
        Font head = th.axisTitleFont();
        double stub = th.px(16);
        double nodeW = th.px(26);
        double gap = th.px(16);

        Map<String, Node> ln = nodes(leftNodes, flows, true);
        Map<String, Node> rn = nodes(rightNodes, flows, false);
        double top = area.getY() + c.lineHeight(head) + th.px(12);
        double height = area.getMaxY() - top;
        double perPerson = Double.MAX_VALUE;
        for (Map<String, Node> side : List.of(ln, rn)) {
            long people = side.values().stream().mapToLong(n -> n.total).sum();
            long stubs = side.values().stream().filter(n -> n.touchesHidden).count();
            double usable = height - gap * (side.size() - 1) - stubs * stub;
            perPerson = Math.min(perPerson, usable / Math.max(1, people));
        }
        double labelLeftW = leftNodes.stream().mapToDouble(s -> c.width(s + "  0 000", label)).max().orElse(0) + th.px(12);
        double labelRightW = rightNodes.stream().mapToDouble(s -> c.width(s + "  0 000", label)).max().orElse(0) + th.px(12);
        double xl = area.getX() + labelLeftW;
        double xr = area.getMaxX() - labelRightW - nodeW;
        layout(ln, leftNodes, top, gap, perPerson, stub);
        layout(rn, rightNodes, top, gap, perPerson, stub);

        c.text(leftTitle, area.getX(), area.getY() + c.ascent(head), head, Palette.TEXT, Canvas.Align.LEFT);
        c.text(rightTitle, area.getMaxX(), area.getY() + c.ascent(head), head, Palette.TEXT, Canvas.Align.RIGHT);

        // Ribbons of shown flows only, in node order on both ends so they nest without crossing there.
        // A hidden flow has no ribbon: where it ends would say more than "<5" does.
        List<Flow> shown = flows.stream().filter(fl -> !fl.suppressed()).toList();
        List<Flow> byRight = new ArrayList<>(shown);
        byRight.sort((a, b) -> {
            int byTo = Integer.compare(rightNodes.indexOf(a.to()), rightNodes.indexOf(b.to()));
            return byTo != 0 ? byTo : Integer.compare(leftNodes.indexOf(a.from()), leftNodes.indexOf(b.from()));
        });
        Map<Flow, Double> rightY = new LinkedHashMap<>();
        for (Flow fl : byRight) {
            Node n = rn.get(fl.to());
            rightY.put(fl, n.cursor);
            n.cursor += fl.count() * perPerson;
        }
        List<Flow> byLeft = new ArrayList<>(shown);
        byLeft.sort((a, b) -> {
            int byFrom = Integer.compare(leftNodes.indexOf(a.from()), leftNodes.indexOf(b.from()));
            return byFrom != 0 ? byFrom : Integer.compare(rightNodes.indexOf(a.to()), rightNodes.indexOf(b.to()));
        });
        for (Flow fl : byLeft) {
            Node from = ln.get(fl.from());
            double h = fl.count() * perPerson;
            double y0 = from.cursor;
            from.cursor += h;
            c.g().setColor(Palette.translucent(Palette.series(leftNodes.indexOf(fl.from())), 110));
            c.g().fill(ribbon(xl + nodeW, y0, xr, rightY.get(fl), h));
        }
        drawNodes(c, ln, leftNodes, xl, nodeW, label, f, true);
        drawNodes(c, rn, rightNodes, xr, nodeW, label, f, false);
    }

    private static Map<String, Node> nodes(List<String> names, List<Flow> flows, boolean leftSide) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (String name : names) {
            nodes.put(name, new Node());
        }
        for (Flow fl : flows) {
            Node n = nodes.get(leftSide ? fl.from() : fl.to());
            if (fl.suppressed()) {
                n.touchesHidden = true;
            } else {
                n.total += fl.count();
            }
        }
        return nodes;
    }

    private static void layout(Map<String, Node> nodes, List<String> order, double top, double gap, double perPerson,
                               double stub) {
        double y = top;
        for (String name : order) {
            Node n = nodes.get(name);
            n.top = y;
            n.height = n.total * perPerson;
            n.stub = n.touchesHidden ? stub : 0;
            n.cursor = y;
            y += n.height + n.stub + gap;
        }
    }

    private static GeneralPath ribbon(double x0, double y0, double x1, double y1, double h) {
        double mid = (x0 + x1) / 2;
        GeneralPath p = new GeneralPath();
        p.moveTo(x0, y0);
        p.curveTo(mid, y0, mid, y1, x1, y1);
        p.lineTo(x1, y1 + h);
        p.curveTo(mid, y1 + h, mid, y0 + h, x0, y0 + h);
        p.closePath();
        return p;
    }

    private static void drawNodes(Canvas c, Map<String, Node> nodes, List<String> order, double x, double w, Font font,
                                  Formats f, boolean leftSide) {
        SeminarTheme th = c.theme();
        for (int i = 0; i < order.size(); i++) {
            Node n = nodes.get(order.get(i));
            if (n.height + n.stub <= 0) {
                continue;
            }
            c.g().setColor(leftSide ? Palette.series(i) : Palette.TEXT);
            c.g().fill(new Rectangle2D.Double(x, n.top, w, n.height));
            if (n.stub > 0) {
                c.suppressed(new Rectangle2D.Double(x, n.top + n.height, w, n.stub));
            }
            String text = n.touchesHidden ? order.get(i) : order.get(i) + "  " + f.count(n.total);
            double cy = n.top + (n.height + n.stub) / 2;
            if (leftSide) {
                c.textCentredOn(text, x - th.px(10), cy, font, Palette.TEXT, Canvas.Align.RIGHT);
            } else {
                c.textCentredOn(text, x + w + th.px(10), cy, font, Palette.TEXT, Canvas.Align.LEFT);
            }
        }
    }
}
