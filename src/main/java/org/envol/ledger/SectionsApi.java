package org.envol.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: the sections the caller reads, and their fiscal years. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sections", description = "Sections of the club (watertight books) and their fiscal years.")
class SectionsApi {

    private final SectionService sections;
    private final FiscalYearService years;

    SectionsApi(SectionService sections, FiscalYearService years) {
        this.sections = sections;
        this.years = years;
    }

    @Schema(name = "Section")
    record SectionView(long id, String code, String name) {
        static SectionView of(Section s) {
            return new SectionView(s.id(), s.code(), s.name());
        }
    }

    @Schema(name = "FiscalYear", description = "A fiscal year of a section; a closed year accepts no entry.")
    record FiscalYearView(long id, long sectionId, LocalDate startDate, LocalDate endDate, boolean closed) {
        static FiscalYearView of(FiscalYear y) {
            return new FiscalYearView(y.id(), y.sectionId(), y.startDate(), y.endDate(), y.closed());
        }
    }

    @Schema(name = "NewFiscalYear", description = "First and last day, inclusive; at most 24 months; no overlap with another year.")
    record FiscalYearBody(@Schema(example = "2025-01-01") LocalDate startDate, @Schema(example = "2025-12-31") LocalDate endDate) {
    }

    @GetMapping("/sections")
    @Operation(summary = "List the sections whose books the caller reads")
    List<SectionView> listSections() {
        return sections.readable().stream().map(SectionView::of).toList();
    }

    @GetMapping("/sections/{sectionId}/fiscal-years")
    @Operation(summary = "List the fiscal years of a section")
    List<FiscalYearView> listFiscalYears(@PathVariable long sectionId) {
        return years.list(sectionId).stream().map(FiscalYearView::of).toList();
    }

    @PostMapping(path = "/sections/{sectionId}/fiscal-years", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a fiscal year in a section (treasurer)")
    ResponseEntity<FiscalYearView> createFiscalYear(@PathVariable long sectionId, @RequestBody FiscalYearBody body) {
        FiscalYear created = years.create(sectionId, body.startDate(), body.endDate());
        return ResponseEntity.status(HttpStatus.CREATED).body(FiscalYearView.of(created));
    }
}
