package io.knobwright.connectors;

import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.HardwareFacts;

/**
 * What a successful connection test learned about a server.
 *
 * @param version     engine and catalogued major version
 * @param fullVersion the server's own version string
 * @param hardware    what the server exposes about its machine (zeros where it exposes nothing)
 */
public record ServerInfo(EngineVersion version, String fullVersion, HardwareFacts hardware) {
}
