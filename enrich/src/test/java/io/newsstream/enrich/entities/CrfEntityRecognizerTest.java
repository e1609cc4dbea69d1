package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.common.model.EntityType;
import io.newsstream.enrich.nlp.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The German, French and Spanish recognisers with CoreNLP's own models, on hand-written sentences. */
class CrfEntityRecognizerTest {

    private static int[] trim(String language, String text, String mention, EntityType type) {
        int start = text.indexOf(mention);
        return CrfEntityRecognizer.trim(language, text, start, start + mention.length(), type,
                CrfEntityRecognizer.words(text));
    }

    private static String trimmed(String language, String text, String mention, EntityType type) {
        int[] span = trim(language, text, mention, type);
        return span == null ? null : text.substring(span[0], span[1]);
    }

    @Test
    void shouldDropHonorificsArticlesAndElisions() {
        assertThat(trimmed("fr", "Il a vu M. Jean Dupont hier.", "M. Jean Dupont", EntityType.PERSON)).isEqualTo("Jean Dupont");
        assertThat(trimmed("fr", "selon l'Agence Nationale", "l'Agence Nationale", EntityType.ORGANIZATION))
                .isEqualTo("Agence Nationale");
        assertThat(trimmed("es", "habló el Sr. Juan Pérez.", "Sr. Juan Pérez", EntityType.PERSON)).isEqualTo("Juan Pérez");
        assertThat(trimmed("de", "sagte Herr Max Muster.", "Herr Max Muster", EntityType.PERSON)).isEqualTo("Max Muster");
        assertThat(trimmed("de", "Sie kam aus der Schweiz.", "der Schweiz", EntityType.LOCATION)).isEqualTo("Schweiz");
        assertThat(trim("fr", "selon M. hier", "M.", EntityType.PERSON)).isNull();
    }

    @Test
    void shouldDropAGermanGenitiveOnlyWhenTheBareNameIsInTheText() {
        String text = "Max Muster kam spät. Max Musters Sprecher sagte nichts. Das Haus von Klaus stand leer.";
        assertThat(trimmed("de", text, "Max Musters", EntityType.PERSON)).isEqualTo("Max Muster");
        assertThat(trimmed("de", text, "Klaus", EntityType.PERSON)).isEqualTo("Klaus");
    }

    @Test
    void shouldFindPeoplePlacesAndOrganisationsWithEachLanguagesModel() {
        List<Mention> de = new CrfEntityRecognizer("de").recognize(
                "Bundeskanzler Olaf Scholz traf am Montag in Berlin Vertreter der Vereinten Nationen.");
        assertThat(de).extracting(Mention::text, Mention::type).contains(
                org.assertj.core.groups.Tuple.tuple("Olaf Scholz", EntityType.PERSON),
                org.assertj.core.groups.Tuple.tuple("Berlin", EntityType.LOCATION));
        List<Mention> fr = new CrfEntityRecognizer("fr").recognize(
                "Le président Emmanuel Macron a rencontré des maires à Lyon, selon l'Agence France-Presse.");
        assertThat(fr).extracting(Mention::text).contains("Emmanuel Macron", "Lyon", "Agence France-Presse");
        List<Mention> es = new CrfEntityRecognizer("es").recognize(
                "El presidente Pedro Sánchez se reunió en Madrid con la Comisión Europea.");
        assertThat(es).extracting(Mention::text).contains("Pedro Sánchez", "Madrid");
    }

    @Test
    void shouldRefuseALanguageWithoutAModel() {
        assertThatThrownBy(() -> new CrfEntityRecognizer("ko")).hasMessageContaining("'ko'");
    }

    @Test
    void shouldMapEachModelsLabels() {
        assertThat(List.of(CrfEntityRecognizer.toType("I-PER"), CrfEntityRecognizer.toType("PERS"),
                CrfEntityRecognizer.toType("PERSON"))).containsOnly(EntityType.PERSON);
        assertThat(CrfEntityRecognizer.toType("LUG")).isEqualTo(EntityType.LOCATION);
        assertThat(CrfEntityRecognizer.toType("O")).isNull();
    }
}
