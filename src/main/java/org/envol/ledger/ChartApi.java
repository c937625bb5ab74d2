package org.envol.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: the club's chart of accounts. */
@RestController
@RequestMapping(path = "/api/v1/chart", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Chart of accounts", description = "Account codes (French association chart, classes 1 to 8), editable.")
class ChartApi {

    private final ChartService chart;

    ChartApi(ChartService chart) {
        this.chart = chart;
    }

    @Schema(name = "ChartCode")
    record ChartCodeView(@Schema(example = "512") String code, @Schema(example = "Banques") String label,
            @Schema(description = "ANC-2018-06 for the shipped codes, CLUB for those added by the club.") String chartVersion,
            @Schema(description = "First digit of the code: 1 capital … 7 income, 8 contributions in kind.") int accountClass) {
        static ChartCodeView of(ChartCode c) {
            return new ChartCodeView(c.code(), c.label(), c.chartVersion(), c.accountClass());
        }
    }

    @Schema(name = "NewChartCode")
    record ChartCodeBody(@Schema(description = "Class digit 1 to 8 then digits or capitals.", example = "6063") String code,
            @Schema(example = "Fournitures d'entretien") String label) {
    }

    @GetMapping
    @Operation(summary = "List the chart of accounts")
    List<ChartCodeView> listChart() {
        return chart.list().stream().map(ChartCodeView::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a code to the chart (treasurer or admin)")
    ResponseEntity<ChartCodeView> addChartCode(@RequestBody ChartCodeBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ChartCodeView.of(chart.add(body.code(), body.label())));
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a code no account uses (treasurer or admin)")
    void deleteChartCode(@PathVariable String code) {
        chart.delete(code);
    }
}
