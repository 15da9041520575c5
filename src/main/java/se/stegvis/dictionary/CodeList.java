package se.stegvis.dictionary;

import java.util.List;
import java.util.Optional;

/**
 * A code list: the allowed codes of a column with Swedish and English labels.
 *
 * @param name         name referred to by a field's {@code x-codelist}
 * @param definitionSv what the list classifies, in Swedish
 * @param definitionEn what the list classifies, in English
 * @param codes        the codes in their defined order
 */
public record CodeList(String name, String definitionSv, String definitionEn, List<Code> codes) {
    public CodeList {
        codes = List.copyOf(codes);
    }

    /**
     * One code with its labels, a one-sentence definition and the other names an export may use for it
     * (Socialtjänsten for Socialtjänst (IFO)), which import reads as the code and reports.
     */
    public record Code(String code, String sv, String en, String definition, List<String> synonyms) {
        public Code {
            synonyms = List.copyOf(synonyms);
        }
    }

    /** The codes alone, in order. */
    public List<String> codeValues() {
        return codes.stream().map(Code::code).toList();
    }

    /** The entry for a code. */
    public Optional<Code> code(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
