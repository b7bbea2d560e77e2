/*
 * The Eligo criteria language.
 *
 * A criteria file declares sets (workloads, association types), tables, measures and
 * definitions, and solution areas: each area a tree of branches, gates, metrics and leaves.
 * The grammar holds no actions: the AST is built by eligo.lang.AstBuilder.
 */
grammar Criteria;

file
  : importDecl* topDecl* EOF
  ;

importDecl
  : IMPORT STRING
  ;

topDecl
  : decl
  | templateDecl
  | areaDecl
  ;

decl
  : ASSOCIATION TYPE name EQ STRING                                  # typeDecl
  | TYPES name EQ typeSet                                            # typeSetDecl
  | TYPES name BY WORKLOAD LBRACE typeCase* typeDefault? RBRACE      # typeMapDecl
  | WORKLOADS name EQ workloadSet                                    # workloadSetDecl
  | TABLE name BY WORKLOAD LBRACE tableCase* tableDefault? RBRACE    # tableDecl
  | MEASURE name EQ expr                                             # measureDecl
  | BAND name EQ band                                                # bandDecl
  | DEFINE name (LPAREN param (COMMA param)* RPAREN)? EQ expr        # defineDecl
  | ATTRIBUTE (CUSTOMER | TENANT) name COLON TEXT_KW                 # attributeDecl
  ;

param
  : name COLON paramType
  ;

paramType
  : MONEY_KW | COUNT | NUMBER_KW | BAND | TYPES | WORKLOADS
  ;

typeCase
  : workloadSet COLON typeSet
  ;

typeDefault
  : OTHERWISE COLON typeSet
  ;

tableCase
  : workloadSet COLON literal
  ;

tableDefault
  : OTHERWISE COLON literal
  ;

typeSet
  : setName (COMMA setName)*
  ;

workloadSet
  : workloadTerm (COMMA workloadTerm)* (EXCEPT workloadTerm (COMMA workloadTerm)*)?
  ;

workloadTerm
  : STRING                                                           # workloadName
  | FAMILY STRING                                                    # workloadFamily
  | setName                                                          # workloadRef
  ;

band
  : bandBound (AND bandBound)?
  ;

bandBound
  : cmpOp literal
  ;

templateDecl
  : TEMPLATE name LBRACE templateParam* decl* areaBody RBRACE
  ;

templateParam
  : LEAF? PARAMETER name COLON paramType
  ;

areaDecl
  : AREA name STRING areaVersion? LBRACE decl* areaBody RBRACE                    # plainArea
  | AREA name STRING FROM name areaVersion? LBRACE argument* leafArgs* RBRACE     # instanceArea
  ;

// 'version "2027" from 2027-01': this block of the area is in force from that month on (until the
// next version's month); an area may be written several times, once per version.
areaVersion
  : VERSION STRING FROM monthLiteral
  ;

// YYYY-MM, written without spaces (the checker holds the form)
monthLiteral
  : NUMBER MINUS NUMBER
  ;

argument
  : name EQ argValue
  ;

argValue
  : band
  | literal
  | typeSet
  ;

leafArgs
  : LEAF name STRING LBRACE argument* RBRACE
  ;

areaBody
  : branch+
  | node*
  ;

branch
  : BRANCH name STRING LBRACE decl* node* RBRACE
  ;

node
  : (GATE | METRIC) name STRING LBRACE nodeItem* RBRACE
  ;

nodeItem
  : CRITERIA STRING                                                  # criteriaItem
  | DETAILS PER detailKind (COMMA detailKind)*                       # detailsItem
  | VALUE expr                                                       # valueItem
  | MET WHEN expr                                                    # metItem
  | PARTNER LBRACE nodeItem* RBRACE                                  # partnerItem
  | EACH LEAF LBRACE nodeItem* RBRACE                                # eachLeafItem
  | LEAF name STRING LBRACE nodeItem* RBRACE                         # leafItem
  ;

detailKind
  : TENANT | WORKLOAD
  ;

// ---- expressions, loosest first

expr
  : orExpr
  ;

orExpr
  : andExpr (OR andExpr)*
  ;

andExpr
  : notExpr (AND notExpr)*
  ;

notExpr
  : NOT notExpr
  | cmpExpr
  ;

// Left-factored: the parser decides what follows the first operand with one token.
// 'x >= 20% more than y when zero: not met': relative growth; what a baseline of 0 (or less) gives
// is the author's to state.
cmpExpr
  : rangeExpr
    ( cmpOp rangeExpr (MORE_KW THAN rangeExpr WHEN ZERO COLON zeroOutcome)?
    | WITHIN (band | name)
    | IN rangeExpr
    )?
  ;

zeroOutcome
  : NOT? MET
  ;

// 'c1: 2' in 'points (c1: 2, c2: 1) >= 3': a condition and the points it is worth when it holds
pointsPart
  : expr COLON MINUS? NUMBER
  ;

rangeExpr
  : addExpr (DOTDOT addExpr)?
  ;

addExpr
  : mulExpr ((PLUS | MINUS) mulExpr)*
  ;

mulExpr
  : unaryExpr ((STAR | SLASH) unaryExpr)*
  ;

unaryExpr
  : MINUS unaryExpr
  | postfixExpr
  ;

postfixExpr
  : primary postfixOp*
  ;

postfixOp
  : VIA typeSet                                                      # viaOp
  | AT primary                                                       # atOp
  ;

primary
  : literal                                                          # literalExpr
  | PERCENT OF postfixExpr                                           # percentOf
  | LPAREN expr RPAREN                                               # parens
  | STRING                                                           # textExpr
  | LPAREN STRING (COMMA STRING)+ RPAREN                             # textListExpr
  | NET primary                                                      # netExpr
  | SUM postfixExpr FOR binder (COMMA binder)* (WHERE expr)?         # sumExpr
  | (AVERAGE | MINIMUM | MAXIMUM) postfixExpr FOR binder (COMMA binder)* (WHERE expr)? # statExpr
  | COUNT binder (COMMA binder)* (WHERE expr)?                       # countExpr
  | ANY binder (COMMA binder)* WHERE expr                            # anyExpr
  | ALL binder (COMMA binder)* WHERE expr                            # allExpr
  | AT LEAST NUMBER OF LPAREN expr (COMMA expr)* RPAREN              # atLeastExpr
  | POINTS LPAREN pointsPart (COMMA pointsPart)* RPAREN              # pointsExpr
  | ASSOCIATED (VIA typeSet)?                                        # associatedExpr
  | EARLIEST START VIA typeSet                                       # earliestStartExpr
  | VALUE                                                            # valueRef
  | refName (LPAREN expr (COMMA expr)* RPAREN)?                      # nameExpr
  ;

binder
  : TENANT name?                                                     # tenantBinder
  | WORKLOAD name? (IN workloadSet)?                                 # workloadBinder
  | MONTH name? IN rangeExpr                                         # monthBinder
  | TYPE name? (IN typeSet)?                                         # typeBinder
  | CUSTOMER                                                         # customerBinder
  ;

literal
  : NUMBER
  | MONEY
  | PERCENT
  ;

cmpOp
  : GE | GT | LE | LT | EQEQ | NE
  ;

// Names: identifiers, and words that are keywords elsewhere but may name nodes and things.
name
  : ID
  | WORKLOADS | ASSOCIATION | TYPES | TYPE | TABLE | MEASURE | BAND | DEFINE | FAMILY
  | TENANT | WORKLOAD | MONTH | CUSTOMER | VALUE | PARTNER | CRITERIA | DETAILS | START
  | COUNT | MONEY_KW | NUMBER_KW | LEAF | PARAMETER | TEMPLATE | BRANCH | GATE | METRIC
  | EACH | PER | MET | WHEN | EARLIEST | ASSOCIATED | NET | SUM | AVERAGE | MINIMUM | MAXIMUM | MORE_KW | THAN | ZERO | LEAST | POINTS
  | ATTRIBUTE | TEXT_KW | VERSION
  ;

// The name of a set in a list: not a binder's word, so that in 'workload in W, month in window'
// the comma ends the set (the parser decides with one token of lookahead); nor a word that starts
// a line ('leaf', 'gate', 'define', ...), so that after a line with a missing part the parser
// finds the next line.
setName
  : ID
  | START | MONEY_KW | NUMBER_KW | PARAMETER | PER | WHEN | VERSION
  ;

// A name in an expression: not a word that starts another expression ('value', 'net', 'sum',
// 'average', 'minimum', 'maximum', 'count', 'associated', 'earliest'), so the parser decides with one token; nor one that starts a
// line of a node or a declaration ('met', 'gate', 'define', ...), so that after a line with a
// missing operand the parser finds the next line.
refName
  : ID
  | TYPE | TENANT | WORKLOAD | MONTH | CUSTOMER | FAMILY | START | MONEY_KW | NUMBER_KW | PARAMETER
  | PER | WHEN | VERSION
  ;

// ---- lexer

IMPORT      : 'import';
ASSOCIATION : 'association';
TYPE        : 'type';
TYPES       : 'types';
WORKLOADS   : 'workloads';
WORKLOAD    : 'workload';
TABLE       : 'table';
MEASURE     : 'measure';
BAND        : 'band';
DEFINE      : 'define';
BY          : 'by';
OTHERWISE   : 'otherwise';
FAMILY      : 'family';
EXCEPT      : 'except';
TEMPLATE    : 'template';
PARAMETER   : 'parameter';
LEAF        : 'leaf';
AREA        : 'area';
FROM        : 'from';
VERSION     : 'version';
BRANCH      : 'branch';
GATE        : 'gate';
METRIC      : 'metric';
CRITERIA    : 'criteria';
DETAILS     : 'details';
PER         : 'per';
VALUE       : 'value';
MET         : 'met';
WHEN        : 'when';
PARTNER     : 'partner';
EACH        : 'each';
TENANT      : 'tenant';
MONTH       : 'month';
CUSTOMER    : 'customer';
MONEY_KW    : 'money';
COUNT       : 'count';
NUMBER_KW   : 'number';
OR          : 'or';
AND         : 'and';
NOT         : 'not';
WITHIN      : 'within';
IN          : 'in';
VIA         : 'via';
AT          : 'at';
OF          : 'of';
NET         : 'net';
SUM         : 'sum';
AVERAGE     : 'average';
MORE_KW     : 'more';
THAN        : 'than';
LEAST       : 'least';
POINTS      : 'points';
ZERO        : 'zero';
MINIMUM     : 'minimum';
MAXIMUM     : 'maximum';
ANY         : 'any';
ALL         : 'all';
FOR         : 'for';
WHERE       : 'where';
ASSOCIATED  : 'associated';
EARLIEST    : 'earliest';
START       : 'start';
ATTRIBUTE   : 'attribute';
TEXT_KW     : 'text';

GE     : '>=';
LE     : '<=';
NE     : '!=';
EQEQ   : '==';
GT     : '>';
LT     : '<';
EQ     : '=';
DOTDOT : '..';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';
COMMA  : ',';
COLON  : ':';
LPAREN : '(';
RPAREN : ')';
LBRACE : '{';
RBRACE : '}';

MONEY   : '$' DIGITS ('.' DIGITS)?;
PERCENT : DIGITS ('.' DIGITS)? '%';
NUMBER  : DIGITS ('.' DIGITS)?;

// A hyphen inside a name must be followed by a letter, so `M-1` is M minus 1.
ID : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z] [a-zA-Z0-9_]*)*;

STRING : '"' (~["\\\r\n] | '\\' ["\\])* '"';
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ["\\])*;

fragment DIGITS : [0-9]+;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN);
WS      : [ \t\r\n\u000C]+ -> channel(HIDDEN);

// Any other character: reported as a diagnostic by the parser glue, never thrown.
STRAY : .;
