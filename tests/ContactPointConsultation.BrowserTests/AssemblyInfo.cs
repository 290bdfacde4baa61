using ContactPointConsultation.BrowserTests;

[assembly: AssemblyFixture(typeof(BrowserPortal))]
