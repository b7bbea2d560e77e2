package eligo.engine;

/**
 * Why the engine could not give what was asked: the criteria have errors ({@link CriteriaFailure}),
 * the data have errors ({@link DataFailure}), or evaluating a customer failed ({@link
 * EvaluationFailure}). Each carries where the problem is; a front door only chooses how to show it
 * (the command line: a message and an exit status).
 */
public abstract sealed class EngineFailure extends Exception
    permits CriteriaFailure, DataFailure, EvaluationFailure {
  private static final long serialVersionUID = 1L;

  EngineFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
