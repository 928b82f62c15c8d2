package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentDiffTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void changesAreNamedByPathWithTheValuesBeforeAndAfter() throws Exception {
        JsonNode a = JSON.readTree("""
                {"vision":"A","quickWins":[{"title":"Q1"},{"title":"Q2"}],"roadmap":[{"year":2023}]}""");
        JsonNode b = JSON.readTree("""
                {"vision":"A","quickWins":[{"title":"Q1"},{"title":"Q2b"},{"title":"Q3"}],"missions":["M"],"roadmap":[]}""");
        List<DocumentDiff.Change> changes = DocumentDiff.between(a, b);
        assertThat(changes).extracting(DocumentDiff.Change::path)
                .containsExactly("quickWins[1].title", "quickWins[2]", "roadmap[0]", "missions");
        assertThat(changes).extracting(DocumentDiff.Change::kind).containsExactly(DocumentDiff.ChangeKind.CHANGED,
                DocumentDiff.ChangeKind.ADDED, DocumentDiff.ChangeKind.REMOVED, DocumentDiff.ChangeKind.ADDED);
        assertThat(changes.get(0).before().asText()).isEqualTo("Q2");
        assertThat(changes.get(0).after().asText()).isEqualTo("Q2b");
        assertThat(DocumentDiff.sections(changes)).containsExactly("quickWins", "roadmap", "missions");
    }

    @Test
    void equalDocumentsHaveNoDifference() throws Exception {
        JsonNode a = JSON.readTree("{\"vision\":\"A\",\"programmes\":[{\"code\":\"P-1\"}],\"period\":null}");
        assertThat(DocumentDiff.between(a, a.deepCopy())).isEmpty();
        assertThat(DocumentDiff.between(a, JSON.readTree("{\"vision\":\"A\",\"programmes\":[{\"code\":\"P-1\"}]}"))).isEmpty();
    }
}
