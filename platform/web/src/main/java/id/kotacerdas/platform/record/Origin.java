package id.kotacerdas.platform.record;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a programme fact comes from: the live workflow of this suite, or the record of the past, entered from its
 * sources after the fact (a cohort list, a result letter, an MoU known only by its signing, a ratification). Every
 * read and every event of a programme fact says which.
 */
@Schema(name = "Origin", description = "`LIVE`: the fact was made through this suite's workflow. `RECORDED`: it happened "
        + "before (or outside) the suite and was recorded from its `sources`.", examples = "RECORDED")
public enum Origin {
    LIVE, RECORDED
}
