import { splitTrackOneName } from './trackOneName';

describe('splitTrackOneName', () => {
  it('splits SURNAME/GIVEN', () => {
    expect(splitTrackOneName('SMITH/JANE')).toEqual({ familyName: 'SMITH', givenName: 'JANE' });
    expect(splitTrackOneName('VAN DER BERG/ANNA MARIE')).toEqual({ familyName: 'VAN DER BERG', givenName: 'ANNA MARIE' });
    expect(splitTrackOneName('SMITH-JONES/J')).toEqual({ familyName: 'SMITH-JONES', givenName: 'J' });
  });

  it('makes a missing part null', () => {
    expect(splitTrackOneName('SMITH/')).toEqual({ familyName: 'SMITH', givenName: null });
    expect(splitTrackOneName('SMITH')).toEqual({ familyName: 'SMITH', givenName: null });
    expect(splitTrackOneName('/JANE')).toEqual({ familyName: null, givenName: 'JANE' });
    expect(splitTrackOneName('')).toEqual({ familyName: null, givenName: null });
  });

  it('drops a track-1 title and extra spaces', () => {
    expect(splitTrackOneName(' SMITH /JOHN.MR')).toEqual({ familyName: 'SMITH', givenName: 'JOHN' });
    expect(splitTrackOneName('SMITH/JOHN  PAUL')).toEqual({ familyName: 'SMITH', givenName: 'JOHN PAUL' });
  });
});
