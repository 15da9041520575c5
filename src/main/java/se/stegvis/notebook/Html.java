package se.stegvis.notebook;

/** A piece of HTML a notebook cell returns to show it as is (key figures, coarsened tables). */
public record Html(String html) {
    @Override
    public String toString() {
        return html;
    }
}
