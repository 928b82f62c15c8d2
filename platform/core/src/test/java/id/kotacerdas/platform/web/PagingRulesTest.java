package id.kotacerdas.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain rules of paging and sorting every list shares: {@link PageParams} and {@link SortOrder}. */
class PagingRulesTest {

    enum Field { code, name }

    @Test
    void slicesAWholeListIntoPages() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertEquals(List.of(1, 2), new PageParams(0, 2).slice(all));
        assertEquals(List.of(5), new PageParams(2, 2).slice(all));
        assertEquals(List.of(), new PageParams(3, 2).slice(all));
        assertEquals(3, new PageParams(0, 2).totalPages(all.size()));
        assertEquals(0, new PageParams(0, 2).totalPages(0));
    }

    @Test
    void readsTheSortParameter() {
        assertNull(SortOrder.parse(null));
        assertNull(SortOrder.field(SortOrder.parse(""), Field.class));
        SortOrder down = SortOrder.parse("-name");
        assertEquals(Field.name, SortOrder.field(down, Field.class));
        assertTrue(SortOrder.descending(down));
        assertFalse(SortOrder.descending(SortOrder.parse("+code")));
        assertEquals("code", SortOrder.parse("code").field());
        assertTrue("-name".matches(SortOrder.regex("code", "name")));
        assertFalse("-size".matches(SortOrder.regex("code", "name")));
    }
}
