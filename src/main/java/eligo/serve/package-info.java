/**
 * {@code eligo serve}: the criteria workbench for program staff and the read-only partner face,
 * over HTTP (the JDK's {@code com.sun.net.httpserver}). A front door: it uses the engine, the views
 * and the language service, and no other front door.
 */
package eligo.serve;
