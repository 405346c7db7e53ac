// Runs the unit tests: pure logic, no database. Usage: node --import tsx scripts/test/run-unit.ts
import { runNodeTests, testFiles } from '../../tests/support/node-test-process';

process.exitCode = await runNodeTests(testFiles('tests/unit'));
