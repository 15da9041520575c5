package se.stegvis.notebook;

import org.junit.jupiter.api.Test;
import se.stegvis.charts.Lang;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.assertj.core.api.Assertions.assertThat;

class RenderingTest {

    static Table municipalities() {
        return Table.create("Avslut per kommun",
                StringColumn.create("kommun", "Ludvika", "Smedjebacken"),
                IntColumn.create("avslut", 1234, 87),
                DoubleColumn.create("andel", 0.3456, 0.25));
    }

    @Test
    void tablesUseSwedishSeparatorsAndRightAlignNumbers() {
        String html = TableHtml.render(municipalities(), Lang.SV);
        assertThat(html).contains("<caption", "Avslut per kommun", ">1\u00a0234<", ">0,346<", "text-align:right");
    }

    @Test
    void tablesInEnglishUseCommasForThousands() {
        assertThat(TableHtml.render(municipalities(), Lang.EN)).contains(">1,234<", ">0.346<");
    }

    @Test
    void longTablesAreCutWithACountOfTheRest() {
        Table t = Table.create("t", IntColumn.create("i", new int[100]));
        String html = TableHtml.render(t, Lang.SV);
        assertThat(html.split("<tr>")).hasSize(1 + 1 + TableHtml.MAX_ROWS);
        assertThat(html).contains("… och 60 rader till (100 totalt)");
    }

    @Test
    void missingValuesShowAsDashNotZero() {
        Table t = Table.create("t", IntColumn.create("antal", new int[]{3}).setMissing(0));
        assertThat(TableHtml.render(t, Lang.SV)).contains(">–<").doesNotContain(">0<");
    }

    @Test
    void chartFileNamesAreAsciiSlugsOfTheTitle() {
        assertThat(ChartArchive.slug("Tid från anvisning till första möte")).isEqualTo("tid-fran-anvisning-till-forsta-mote");
        assertThat(ChartArchive.slug("")).isEqualTo("diagram");
    }
}
