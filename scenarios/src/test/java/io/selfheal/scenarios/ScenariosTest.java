package io.selfheal.scenarios;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every scenario file under this module's directory (Surefire's working directory) with the selfheal engine,
 * each on a fresh embedded emulator. Surefire counts each scenario's checks as tests.
 */
@Suite
@SuiteDisplayName("selfheal scenarios")
@IncludeEngines("selfheal")
@SelectDirectories(".")
class ScenariosTest {
}
