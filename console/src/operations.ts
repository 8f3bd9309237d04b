/**
 * The operations the console sends, named so the gateway's logs, metrics and audit trail say
 * which screen asked. Field selections follow schema/operations/customer360.graphql.
 */

const GOLDEN = 'value source { system localId changedAt } asOf rule conflict complete unavailableSystems candidates { system localId value normalizedValue asOf }';

export const SEARCH_CUSTOMERS = `query ConsoleSearch($text: String!, $first: Int) {
  searchCustomers(text: $text, first: $first) {
    totalCount
    edges { node { id sourceKeys { system localId } profile { fullName { value } birthDate { value } email { value } mobilePhone { value } } } }
  }
}`;

export const CUSTOMER_360 = `query ConsoleCustomer360($id: ID!) {
  customer(id: $id) {
    id
    sourceKeys { system localId }
    profile {
      fullName { ${GOLDEN} }
      birthDate { ${GOLDEN} }
      nationalId { ${GOLDEN} }
      email { ${GOLDEN} }
      mobilePhone { ${GOLDEN} }
      address { value { line1 line2 city postalCode country } source { system localId changedAt } asOf rule conflict complete unavailableSystems candidates { system localId value normalizedValue asOf } }
    }
    accounts { id accountNumber type status openedOn balance { amount currency } }
    cards { id cardId maskedPan product status expiry creditLimit { amount currency } balance { amount currency } }
    salesOrders(first: 5) { totalCount edges { node { id orderId createdAt netValue { amount currency } deliveryStatus billingStatus } } }
    interactions(first: 5) { edges { node { id channel occurredAt summary } } }
    openCases { id caseId subject status openedAt }
    mortgages { id loanId status balance { amount currency } arrearsStatus nextPayment { dueDate amount { amount currency } } rateType maturityDate borrowerRole borrowerCount asOf }
    advisor { id name freeSlots(first: 6) { id start end } }
    appointments { id slotId advisorId start end }
  }
}`;

/** Insights are a separate request: a gateway whose supergraph lacks them still shows the 360 view. */
export const CUSTOMER_INSIGHTS = `query ConsoleCustomerInsights($id: ID!) {
  customer(id: $id) {
    id
    segment { tier ageBand reasons }
    lifecycleStage { stage reasons }
    relationshipValue {
      totalDeposits { amount currency }
      totalLending { amount currency }
      cardSpend90Days { amount currency }
      openOrdersValue { amount currency }
      mortgageBalances { amount currency }
      reasons
    }
    nextBestActions { code title reason channel priority }
  }
}`;

/** Books the relationship manager's slot; the key makes a repeat (double click, retry) book once. */
export const SCHEDULE_CALLBACK = `mutation ConsoleScheduleCallback($input: ScheduleCallbackInput!) {
  scheduleCallback(input: $input) {
    appointment { id slotId advisorId start end }
    userErrors { code message }
  }
}`;

export const DISCREPANCY_REPORT = `query ConsoleDiscrepancies($field: ProfileField, $systems: [SourceSystem!], $first: Int, $after: String) {
  discrepancyReport(field: $field, systems: $systems, first: $first, after: $after) {
    totalCount
    counts { field systemA systemB count }
    edges { node { customer { id } customerName field systemA localIdA valueA normalizedValueA changedAtA systemB localIdB valueB normalizedValueB changedAtB servedValue servedRule } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const AUDIT_TRAIL = `query ConsoleAuditTrail($customerId: ID!, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  auditTrail(customerId: $customerId, from: $from, to: $to, first: $first, after: $after) {
    edges { node { id kind at subject channel roles customerIds fieldClasses operationName requestId action reason } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Whether this gateway has the audit trail and lets this caller read it, without reading it:
 * validation fails when the field is not in the schema, the field policy refuses a role without
 * the AUDIT class, and `@skip` keeps the field from being fetched (so nothing is audited either).
 */
export const AUDIT_TRAIL_PROBE = `query ConsoleAuditProbe { auditTrail(customerId: "probe", first: 0) @skip(if: true) { pageInfo { hasNextPage } } }`;
