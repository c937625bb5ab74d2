package org.envol.reports;

import static org.envol.reports.FinancialLayout.Side.CREDIT;
import static org.envol.reports.FinancialLayout.Side.DEBIT;
import static org.envol.reports.FinancialLayout.When.CREDIT_BALANCE;
import static org.envol.reports.FinancialLayout.When.DEBIT_BALANCE;
import static org.envol.reports.FinancialLayout.always;
import static org.envol.reports.FinancialLayout.heading;
import static org.envol.reports.FinancialLayout.line;
import static org.envol.reports.FinancialLayout.sum;
import static org.envol.reports.Report.Style.SUBTOTAL;
import static org.envol.reports.Report.Style.TOTAL;

import java.util.ArrayList;
import java.util.List;
import org.envol.reports.FinancialLayout.Part;

/**
 * The income statement and the balance sheet of an association as the ANC regulation 2018-06
 * lays them out (« modèle de base »), with the account codes each line takes. Line labels are
 * the {@code reports.is.*} and {@code reports.bs.*} messages. Contributions in kind (86/87) are
 * shown apart from the result; the result of the year is classes 7 − 6.
 */
final class AssociationLayouts {

    private AssociationLayouts() {
    }

    static final String RESULT = "is.result";
    static final String YEAR_RESULT = "bs.yearResult";
    static final String PENDING_RESULTS = "bs.pendingResults";
    static final String TOTAL_ASSETS = "bs.totalAssets";
    static final String TOTAL_LIABILITIES = "bs.totalLiabilities";

    static final FinancialLayout INCOME_STATEMENT = incomeStatement();
    static final FinancialLayout BALANCE_SHEET = balanceSheet();

    /** Codes the income statement takes: classes 6 and 7, and the contributions in kind 86 and 87. */
    static boolean inIncomeStatement(String code) {
        return code.startsWith("6") || code.startsWith("7") || code.startsWith("86") || code.startsWith("87");
    }

    /** Codes whose balance is the year's result until the closing: classes 6 and 7. */
    static boolean isResultAccount(String code) {
        return code.startsWith("6") || code.startsWith("7");
    }

    /** Codes of the balance sheet: classes 1 to 5. */
    static boolean inBalanceSheet(String code) {
        return !code.isEmpty() && code.charAt(0) >= '1' && code.charAt(0) <= '5';
    }

    /**
     * Codes whose accounts, consolidated, are summed across sections before they are placed:
     * the liaison accounts between sections (467, 18), which then cancel out.
     */
    static boolean isLiaison(String code) {
        return code.startsWith("467") || code.startsWith("18");
    }

    private static FinancialLayout incomeStatement() {
        List<Part> p = new ArrayList<>();
        p.add(heading("is.operatingIncome.heading"));
        List<String> operatingIncome = add(p,
                line("is.dues", CREDIT, "756"),
                line("is.salesGoods", CREDIT, "707"),
                line("is.salesServices", CREDIT, "70"),
                line("is.grants", CREDIT, "74"),
                line("is.generosity", CREDIT, "754"),
                line("is.contributions", CREDIT, "755"),
                line("is.reversals", CREDIT, "78", "781", "79", "791"),
                line("is.dedicatedFundsUsed", CREDIT, "789"),
                line("is.otherIncome", CREDIT, "7", "75"));
        p.add(sumOf("is.operatingIncome", SUBTOTAL, operatingIncome));
        p.add(heading("is.operatingCharges.heading"));
        List<String> operatingCharges = add(p,
                line("is.goodsPurchases", DEBIT, "607", "6037", "6087", "6097"),
                line("is.suppliesPurchases", DEBIT, "601", "602", "6031", "6032", "6081", "6082", "6091", "6092"),
                line("is.externalCharges", DEBIT, "60", "61", "62"),
                line("is.financialAid", DEBIT, "657"),
                line("is.taxes", DEBIT, "63"),
                line("is.wages", DEBIT, "64"),
                line("is.socialCharges", DEBIT, "645", "646", "647"),
                line("is.depreciation", DEBIT, "68", "681"),
                line("is.provisions", DEBIT, "6815"),
                line("is.dedicatedFundsCarried", DEBIT, "689"),
                line("is.otherCharges", DEBIT, "6", "65"));
        p.add(sumOf("is.operatingCharges", SUBTOTAL, operatingCharges));
        p.add(sum("is.operatingResult", SUBTOTAL, "is.operatingIncome", "-is.operatingCharges"));
        p.add(always("is.financialIncome", CREDIT, "76", "786", "796"));
        p.add(always("is.financialCharges", DEBIT, "66", "686"));
        p.add(sum("is.financialResult", SUBTOTAL, "is.financialIncome", "-is.financialCharges"));
        p.add(sum("is.currentResult", SUBTOTAL, "is.operatingResult", "is.financialResult"));
        p.add(always("is.exceptionalIncome", CREDIT, "77", "787", "797"));
        p.add(always("is.exceptionalCharges", DEBIT, "67", "687"));
        p.add(sum("is.exceptionalResult", SUBTOTAL, "is.exceptionalIncome", "-is.exceptionalCharges"));
        p.add(line("is.participation", DEBIT, "691"));
        p.add(always("is.incomeTax", DEBIT, "69"));
        p.add(sum("is.totalIncome", SUBTOTAL, "is.operatingIncome", "is.financialIncome", "is.exceptionalIncome"));
        p.add(sum("is.totalCharges", SUBTOTAL, "is.operatingCharges", "is.financialCharges", "is.exceptionalCharges",
                "is.participation", "is.incomeTax"));
        p.add(sum(RESULT, TOTAL, "is.totalIncome", "-is.totalCharges"));
        p.add(heading("is.inKind.heading"));
        List<String> inKindIncome = add(p,
                line("is.inKind.gifts", CREDIT, "870"),
                line("is.inKind.services", CREDIT, "871"),
                line("is.inKind.volunteering", CREDIT, "875"),
                line("is.inKind.otherIncome", CREDIT, "87"));
        p.add(sumOf("is.inKind.income", SUBTOTAL, inKindIncome));
        List<String> inKindUses = add(p,
                line("is.inKind.relief", DEBIT, "860"),
                line("is.inKind.goods", DEBIT, "861"),
                line("is.inKind.provided", DEBIT, "862"),
                line("is.inKind.volunteers", DEBIT, "864"),
                line("is.inKind.otherUses", DEBIT, "86"));
        p.add(sumOf("is.inKind.uses", SUBTOTAL, inKindUses));
        return new FinancialLayout(p);
    }

    private static FinancialLayout balanceSheet() {
        List<Part> p = new ArrayList<>();
        p.add(heading("bs.assets.heading"));
        p.add(heading("bs.fixedAssets.heading"));
        List<String> fixed = add(p,
                line("bs.intangible", DEBIT, "20", "280", "290"),
                line("bs.tangible", DEBIT, "2", "21", "22", "23", "28", "29"),
                line("bs.financialAssets", DEBIT, "25", "26", "27", "296", "297"));
        p.add(sumOf("bs.fixedAssets", SUBTOTAL, fixed));
        p.add(heading("bs.currentAssets.heading"));
        List<String> current = add(p,
                line("bs.stocks", DEBIT, "3"),
                line("bs.memberReceivables", DEBIT, DEBIT_BALANCE, "41"),
                line("bs.memberDepreciation", DEBIT, "491"),
                line("bs.otherReceivables", DEBIT, DEBIT_BALANCE, "4"),
                line("bs.investments", DEBIT, "50", "59"),
                line("bs.cash", DEBIT, DEBIT_BALANCE, "5"),
                line("bs.prepaidCharges", DEBIT, "486"));
        p.add(sumOf("bs.currentAssets", SUBTOTAL, current));
        p.add(sum(TOTAL_ASSETS, TOTAL, "bs.fixedAssets", "bs.currentAssets"));

        p.add(heading("bs.liabilities.heading"));
        p.add(heading("bs.ownFunds.heading"));
        List<String> net = add(p,
                line("bs.fundsWithoutRight", CREDIT, "10"),
                line("bs.revaluation", CREDIT, "105"),
                line("bs.reserves", CREDIT, "106"),
                line("bs.retainedEarnings", CREDIT, "11"),
                always(YEAR_RESULT, CREDIT),
                line(PENDING_RESULTS, CREDIT, "12"));
        p.add(sumOf("bs.netPosition", SUBTOTAL, net));
        p.add(line("bs.fundsWithRight", CREDIT, "103"));
        p.add(line("bs.investmentGrants", CREDIT, "13"));
        p.add(line("bs.regulatedProvisions", CREDIT, "14"));
        p.add(sum("bs.ownFunds", SUBTOTAL, "bs.netPosition", "bs.fundsWithRight", "bs.investmentGrants", "bs.regulatedProvisions"));
        p.add(always("bs.dedicatedFunds", CREDIT, "19"));
        p.add(always("bs.provisions", CREDIT, "15"));
        p.add(heading("bs.debts.heading"));
        List<String> debts = add(p,
                line("bs.bankDebts", CREDIT, "164"),
                line("bs.bankOverdrafts", CREDIT, CREDIT_BALANCE, "5"),
                line("bs.otherBorrowings", CREDIT, "16", "17"),
                line("bs.liaison", CREDIT, "18"),
                line("bs.suppliers", CREDIT, CREDIT_BALANCE, "40"),
                line("bs.fixedAssetSuppliers", CREDIT, CREDIT_BALANCE, "404", "405"),
                line("bs.taxAndSocial", CREDIT, CREDIT_BALANCE, "42", "43", "44"),
                line("bs.memberAdvances", CREDIT, CREDIT_BALANCE, "41"),
                line("bs.otherDebts", CREDIT, CREDIT_BALANCE, "4"),
                line("bs.prepaidIncome", CREDIT, "487"));
        p.add(sumOf("bs.debts", SUBTOTAL, debts));
        p.add(sum(TOTAL_LIABILITIES, TOTAL, "bs.ownFunds", "bs.dedicatedFunds", "bs.provisions", "bs.debts"));
        return new FinancialLayout(p);
    }

    private static List<String> add(List<Part> parts, FinancialLayout.Item... items) {
        List<String> keys = new ArrayList<>();
        for (FinancialLayout.Item item : items) {
            parts.add(item);
            keys.add(item.key());
        }
        return keys;
    }

    private static FinancialLayout.Sum sumOf(String key, Report.Style style, List<String> keys) {
        return sum(key, style, keys.toArray(String[]::new));
    }
}
