package id.kotacerdas.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging of every list: {@code page} (zero-based) and {@code size}, typed and bounded. Use it as
 * {@code @Valid @BeanParam PageParams paging}: a value out of bounds is a {@code 400} naming {@code page} or
 * {@code size} (Bean Validation), one that is not a number too ({@link ParamConverters}); the bounds appear in the
 * OpenAPI document as {@code minimum}/{@code maximum}.
 */
public class PageParams {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deeper pages are refused: narrow the filters instead (an offset that deep scans the whole table). */
    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "Zero-based page number.", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Page size, at most " + MAX_SIZE + ".", example = "" + DEFAULT_SIZE)
    public int size;

    public PageParams() {
    }

    public PageParams(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** How many pages of this size {@code total} items fill. */
    public long totalPages(long total) {
        return (total + size - 1) / size;
    }

    /** The index of the first item of this page in the whole list. */
    public long offset() {
        return (long) page * size;
    }

    /**
     * This page of a list held whole in memory (a record's revisions, a masterplan's stages): the items from
     * {@link #offset()}, at most {@code size} of them; empty past the end. The list's {@code total} is its size.
     */
    public <T> List<T> slice(List<T> all) {
        long from = Math.min(offset(), all.size());
        long to = Math.min(from + size, all.size());
        return all.subList((int) from, (int) to);
    }
}
