package org.envol.guided;

/**
 * The guided screens' own refusals, in the order they are checked; the ledger's codes
 * ({@link org.envol.ledger.RejectionCode}) are used where they fit (date, label, reference,
 * fiscal year). Each has a message {@code guided.rejection.CODE} in i18n/guided*.properties.
 */
public enum GuidedCode {
    DATE_INVALID,
    AMOUNT_MISSING,
    AMOUNT_INVALID,
    AMOUNT_NOT_POSITIVE,
    AMOUNT_TOO_LARGE,
    ACCOUNT_MISSING,
    ACCOUNT_NOT_IN_SECTION,
    ACCOUNT_NOT_ALLOWED,
    ACCOUNT_CLOSED,
    SAME_ACCOUNT,
    PAYMENT_MODE_MISSING,
    PAYMENT_MODE_ACCOUNT,
    CHEQUE_NUMBER_MISSING,
    TRANSFER_REFERENCE_MISSING,
    MEMBER_NO_CREDIT,
    REFUND_ABOVE_CREDIT,
    TARGET_SECTION_MISSING,
    TARGET_SECTION_SAME
}
