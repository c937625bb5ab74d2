package org.envol.guided;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A guided screen's form as posted: text as typed, one account per slot name ({@code accounts[member]}). */
public class GuidedForm {

    private String date;
    private String amount;
    private String reference;
    private String label;
    private String paymentMode;
    private Long targetSectionId;
    private Map<String, Long> accounts = new LinkedHashMap<>();

    static GuidedForm blank(LocalDate today, Long targetSectionId) {
        GuidedForm form = new GuidedForm();
        form.date = today.toString();
        form.paymentMode = PaymentMode.CHEQUE.name();
        form.targetSectionId = targetSectionId;
        return form;
    }

    GuidedRequest request(GuidedKind kind) {
        return new GuidedRequest(kind, date, amount, accounts, reference, label, PaymentMode.parse(paymentMode), targetSectionId);
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getPaymentMode() {
        return paymentMode;
    }

    public void setPaymentMode(String paymentMode) {
        this.paymentMode = paymentMode;
    }

    public Long getTargetSectionId() {
        return targetSectionId;
    }

    public void setTargetSectionId(Long targetSectionId) {
        this.targetSectionId = targetSectionId;
    }

    public Map<String, Long> getAccounts() {
        return accounts;
    }

    public void setAccounts(Map<String, Long> accounts) {
        this.accounts = accounts;
    }
}
