package network.baton.node.sparql;

import java.math.BigDecimal;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_StrDatatype;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * STRDT and multiplication kept to {@link QueryBudget#MAX_NUMBER_DIGITS} digits: BigInteger's
 * parsing and arithmetic cannot be cancelled.
 */
final class BoundedNumbers {
  /** log10(2): decimal digits per bit of an integer. */
  private static final double DIGITS_PER_BIT = 0.30103;

  private BoundedNumbers() {}

  /**
   * STRDT, refused before it makes an integer or decimal of more digits than {@link
   * QueryBudget#MAX_NUMBER_DIGITS}: BigInteger parses a million digits in about twenty seconds, and
   * nothing in the parse can be cancelled.
   */
  static final class Strdt extends E_StrDatatype {
    Strdt(Expr lexical, Expr datatype) {
      super(lexical, datatype);
    }

    @Override
    public NodeValue eval(NodeValue lexical, NodeValue datatype) {
      checkNumeral(lexical, datatype.asNode(), "STRDT");
      return super.eval(lexical, datatype);
    }

    @Override
    public Expr copy(Expr lexical, Expr datatype) {
      return new Strdt(lexical, datatype);
    }
  }

  /** Throws when a lexical form given an integer or decimal datatype is too long a number. */
  static void checkNumeral(NodeValue lexical, Node datatype, String function) {
    Node node = lexical.asNode();
    if (!node.isLiteral() || datatype == null || !datatype.isURI()) {
      return;
    }
    if (TypeMapper.getInstance().getSafeTypeByName(datatype.getURI()) instanceof XSDDatatype xsd
        && XSDFuncOp.isDecimalDatatype(xsd)) {
      QueryBudget.checkNumber(node.getLiteralLexicalForm().length(), function);
    }
  }

  /**
   * Multiplication, refused before an integer or decimal product would have more digits than {@link
   * QueryBudget#MAX_NUMBER_DIGITS}: squaring a number thirty times in a chain of BINDs doubles its
   * size each time, and BigInteger's multiplication cannot be cancelled.
   */
  static final class Multiply extends E_Multiply {
    Multiply(Expr left, Expr right) {
      super(left, right);
    }

    @Override
    public NodeValue eval(NodeValue x, NodeValue y, FunctionEnv env) {
      QueryBudget.checkNumber(productDigits(x, y), "multiplication");
      return super.eval(x, y);
    }

    @Override
    public NodeValue eval(NodeValue x, NodeValue y) {
      QueryBudget.checkNumber(productDigits(x, y), "multiplication");
      return super.eval(x, y);
    }

    private static long productDigits(NodeValue x, NodeValue y) {
      return (long) Math.ceil((bits(x) + bits(y)) * DIGITS_PER_BIT);
    }

    private static long bits(NodeValue v) {
      if (v.isInteger()) {
        return v.getInteger().bitLength();
      }
      if (v.isDecimal()) {
        BigDecimal d = v.getDecimal();
        return d.unscaledValue().bitLength();
      }
      return 0;
    }

    @Override
    public Expr copy(Expr left, Expr right) {
      return new Multiply(left, right);
    }
  }
}
