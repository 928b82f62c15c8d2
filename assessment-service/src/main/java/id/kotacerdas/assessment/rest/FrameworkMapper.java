package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.FrameworkContent;
import id.kotacerdas.assessment.domain.FrameworkRules;
import id.kotacerdas.assessment.domain.FrameworkVersion;
import id.kotacerdas.assessment.rest.FrameworkDocument.CriterionDoc;
import id.kotacerdas.assessment.rest.FrameworkDocument.IndicatorDoc;
import id.kotacerdas.assessment.rest.FrameworkDocument.LevelDoc;
import id.kotacerdas.assessment.rest.FrameworkDocument.ScaleDoc;
import id.kotacerdas.assessment.rest.FrameworkDocument.SourceDoc;
import id.kotacerdas.assessment.rest.FrameworkDocument.SubDimensionDoc;
import java.util.List;
import java.util.function.Function;

/** Between the framework document (import/export, API) and the domain's content, field by field. */
public final class FrameworkMapper {

    public static final String SCHEMA = "/schemas/framework.v1.json";
    public static final String WEIGHT_RULE = "Weights are percentages: at each level (the criteria; the sub-dimensions of "
            + "a criterion; the indicators of a criterion or sub-dimension) they add up to exactly "
            + FrameworkRules.WEIGHT_TOTAL + ".";

    private FrameworkMapper() {
    }

    public static FrameworkContent toContent(FrameworkDocument doc) {
        FrameworkDocument.Metadata m = doc.metadata();
        FrameworkContent.Metadata metadata = m == null ? null : new FrameworkContent.Metadata(
                map(m.sources(), s -> new FrameworkContent.Source(s.title(), s.url())), m.weightNote(), m.scaleNote(),
                m.notes());
        return new FrameworkContent(doc.name(), doc.description(), metadata,
                map(doc.scales(), s -> new FrameworkContent.Scale(s.id(), map(s.levels(),
                        l -> new FrameworkContent.ScaleLevel(l.value(), l.label(), l.from(), l.to())))),
                map(doc.criteria(), c -> new FrameworkContent.Criterion(c.code(), c.name(), c.description(), c.weight(),
                        map(c.subDimensions(), s -> new FrameworkContent.SubDimension(s.code(), s.name(), s.description(),
                                s.weight(), map(s.indicators(), FrameworkMapper::toIndicator), s.pillar())),
                        map(c.indicators(), FrameworkMapper::toIndicator))), doc.purpose());
    }

    private static FrameworkContent.Indicator toIndicator(IndicatorDoc i) {
        return new FrameworkContent.Indicator(i.code(), i.name(), i.description(), i.weight(), i.type(), i.unit(),
                i.direction(), i.scale());
    }

    public static FrameworkDocument toDocument(FrameworkVersion version) {
        FrameworkContent c = version.content;
        FrameworkContent.Metadata m = c.metadata();
        return new FrameworkDocument(SCHEMA, version.code, version.version, c.name(), c.description(),
                new FrameworkDocument.Metadata(map(m.sources(), s -> new SourceDoc(s.title(), s.url())), m.weightNote(),
                        m.scaleNote(), m.notes()),
                map(c.scales(), s -> new ScaleDoc(s.id(), map(s.levels(),
                        l -> new LevelDoc(l.value(), l.label(), l.from(), l.to())))),
                map(c.criteria(), k -> new CriterionDoc(k.code(), k.name(), k.description(), k.weight(),
                        map(k.subDimensions(), s -> new SubDimensionDoc(s.code(), s.name(), s.description(), s.weight(),
                                map(s.indicators(), FrameworkMapper::toIndicatorDoc), s.pillar())),
                        map(k.indicators(), FrameworkMapper::toIndicatorDoc))), c.purpose());
    }

    private static IndicatorDoc toIndicatorDoc(FrameworkContent.Indicator i) {
        return new IndicatorDoc(i.code(), i.name(), i.description(), i.weight(), i.type(), i.unit(), i.direction(),
                i.scale());
    }

    public static FrameworkVersionView toView(FrameworkVersion v) {
        return new FrameworkVersionView(v.code, v.version, v.status, v.revision, WEIGHT_RULE, v.createdAt, v.createdBy,
                v.updatedAt, v.updatedBy, v.publishedAt, v.publishedBy, toDocument(v));
    }

    public static FrameworkVersionView.Summary toSummary(FrameworkVersion v) {
        return new FrameworkVersionView.Summary(v.code, v.version, v.status, v.content.name(), v.content.criteria().size(),
                v.content.indicators().size(), v.publishedAt);
    }

    private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        return in == null ? List.of() : in.stream().map(f).toList();
    }
}
