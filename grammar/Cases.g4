/*
 * Eligo criteria test cases (*.cases files).
 *
 * A case file holds cases: each a name, a sentence of intent, a small dataset written inline
 * (customers, tenants, workloads, associations, usage rows) and the outcomes the criteria must
 * give it. Settings before the first case (as-of month, workloads) are shared by every case.
 * The grammar holds no actions: eligo.cases.CaseParsing builds the cases.
 */
grammar Cases;

file
  : setting* caseDecl* EOF
  ;

setting
  : asOf
  | workloads
  ;

caseDecl
  : CASE STRING LBRACE caseItem* RBRACE
  ;

caseItem
  : INTENT STRING                                                    # intentItem
  | asOf                                                             # asOfItem
  | workloads                                                        # workloadsItem
  | CUSTOMER id STRING? (PARTNER id)? attributes?                    # customerItem
  | TENANT id (COMMA id)* attributes?                                # tenantItem
  | ASSOCIATION id STRING id FROM MONTH (TO MONTH)?                  # associationItem
  | USAGE id STRING MONTH (DOTDOT MONTH)? figure+                    # usageItem
  | EXPECT PARTNER? word word status NUMBER? (FOR id)?               # expectItem
  ;

asOf
  : AS OF MONTH
  ;

// 'with segment "Enterprise", region "EMEA"': values of the attributes the criteria declare
attributes
  : WITH attribute (COMMA attribute)*
  ;

attribute
  : word STRING
  ;

workloads
  : (WORKLOAD | WORKLOADS) STRING (COMMA STRING)* FAMILY STRING
  ;

figure
  : word NUMBER
  ;

status
  : MET
  | NOT_MET
  | NOT MET
  | NOT_EVALUATED
  | NOT EVALUATED
  ;

// Ids of customers, tenants, partners and association types: a bare word, a number or a text in quotes.
id
  : word
  | NUMBER
  | STRING
  ;

// Words: names, and keywords that may also name things (a node called 'association').
word
  : WORD
  | CASE | INTENT | AS | OF | WORKLOAD | WORKLOADS | FAMILY | CUSTOMER | TENANT | ASSOCIATION
  | USAGE | FROM | TO | EXPECT | EVALUATED | WITH
  ;

// ---- lexer

CASE          : 'case';
INTENT        : 'intent';
AS            : 'as';
OF            : 'of';
WORKLOAD      : 'workload';
WORKLOADS     : 'workloads';
FAMILY        : 'family';
CUSTOMER      : 'customer';
PARTNER       : 'partner';
TENANT        : 'tenant';
ASSOCIATION   : 'association';
USAGE         : 'usage';
FROM          : 'from';
TO            : 'to';
EXPECT        : 'expect';
FOR           : 'for';
MET           : 'met';
NOT_MET       : 'not_met';
NOT_EVALUATED : 'not_evaluated';
NOT           : 'not';
EVALUATED     : 'evaluated';
WITH          : 'with';

LBRACE : '{';
RBRACE : '}';
COMMA  : ',';
DOTDOT : '..';

MONTH  : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT;
NUMBER : '-'? DIGIT+ ('.' DIGIT+)?;

// Node ids have hyphens and dots: net-customer-adds, usage-growth.cpor.
WORD : [a-zA-Z_] [a-zA-Z0-9_]* ([.\-] [a-zA-Z0-9_]+)*;

STRING : '"' (~["\\\r\n] | '\\' ["\\])* '"';
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ["\\])*;

fragment DIGIT : [0-9];

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN);
WS      : [ \t\r\n\u000C]+ -> channel(HIDDEN);

// Any other character: reported as a diagnostic by the parser glue, never thrown.
STRAY : .;
